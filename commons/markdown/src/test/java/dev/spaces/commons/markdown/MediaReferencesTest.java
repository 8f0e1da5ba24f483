package dev.spaces.commons.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@code ![caption](media:123)}: a figure of the library's item with srcset, size, lazy loading and its caption. */
class MediaReferencesTest {

    private static final MediaImages LIBRARY = id -> id == 7
            ? Optional.of(new MediaImages.MediaImage("/media/abc123/feynman", "/media/r320/feynman 320w, "
            + "/media/r768/feynman 768w, /media/abc123/feynman 1024w", 1024, 683, null, "费曼"))
            : id == 8 ? Optional.of(new MediaImages.MediaImage("/media/def/shrimp", "/media/def/shrimp 640w", 640, 480,
            "蒜蓉蒸虾的准备", null)) : Optional.empty();

    private static final MarkdownPipeline PIPELINE = new MarkdownPipeline(PipelineSettings.defaults(), LIBRARY);

    @AfterAll
    static void close() {
        PIPELINE.close();
    }

    private static String html(String markdown, HtmlPolicy policy) {
        return PIPELINE.render(markdown, policy, false).html();
    }

    @Test
    void anImageAloneInItsParagraphIsAFigureWithItsCaption() {
        String html = html("前文\n\n![费曼 - 图片来自于*百度百科*](media:7)\n\n后文", HtmlPolicy.ARTICLE);

        assertThat(html).contains("<figure class=\"media\"><img src=\"/media/abc123/feynman\" "
                        + "srcset=\"/media/r320/feynman 320w , /media/r768/feynman 768w , /media/abc123/feynman 1024w\" "
                        + "sizes=\"(max-width: 48rem) 100vw, 48rem\" width=\"1024\" height=\"683\" "
                        + "alt=\"费曼 - 图片来自于百度百科\" loading=\"lazy\" decoding=\"async\" />")
                .contains("<figcaption>费曼 - 图片来自于<em>百度百科</em></figcaption></figure>")
                .doesNotContain("<p><figure", "media:7");
        assertThat(PIPELINE.render("![费曼](media:7)", HtmlPolicy.ARTICLE, false).plainText()).isEqualTo("费曼");
    }

    @Test
    void theItemsOwnAltTextWinsOverTheCaption() {
        assertThat(html("![蒜蓉蒸虾-准备-20180520](media:8)", HtmlPolicy.ARTICLE))
                .contains("alt=\"蒜蓉蒸虾的准备\"").contains("<figcaption>蒜蓉蒸虾-准备-20180520</figcaption>");
    }

    @Test
    void anImageInsideTextIsAnImageWithoutAFigure() {
        assertThat(html("如图 ![小图](media:8) 所示", HtmlPolicy.ARTICLE))
                .contains("<p>如图 <img src=\"/media/def/shrimp\"").contains("loading=\"lazy\"")
                .doesNotContain("<figure");
    }

    @Test
    void anUnknownItemLeavesOnlyItsCaption() {
        assertThat(html("![不存在的图](media:99)", HtmlPolicy.ARTICLE)).isEqualTo("<p>不存在的图</p>\n");
    }

    @Test
    void commentsShowNoImagesOnlyTheCaption() {
        assertThat(html("![费曼](media:7)", HtmlPolicy.COMMENT)).doesNotContain("<img", "<figure").contains("费曼");
    }

    @Test
    void aHandWrittenSrcsetOutsideTheLibraryIsDropped() {
        assertThat(html("<img src=\"https://x.example/a.png\" srcset=\"https://evil.example/b.png 2x\" "
                + "width=\"9\" loading=\"lazy\">", HtmlPolicy.ARTICLE))
                .contains("<img src=\"https://x.example/a.png\"").doesNotContain("srcset", "evil");
    }
}
