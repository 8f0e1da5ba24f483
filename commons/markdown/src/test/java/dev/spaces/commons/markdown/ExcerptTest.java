package dev.spaces.commons.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Excerpts: up to {@code <!--more-->}, else whole leading blocks within {@code excerptMaxChars} (300 by default). */
@ExtendWith(SharedPipeline.class)
class ExcerptTest {

    private final MarkdownPipeline pipeline;

    ExcerptTest(MarkdownPipeline pipeline) {
        this.pipeline = pipeline;
    }

    private RenderedDocument render(String markdown) {
        return pipeline.render(markdown, HtmlPolicy.ARTICLE, false);
    }

    @Test
    void moreMarkerOnItsOwnLineEndsTheExcerpt() {
        RenderedDocument document = render("第一段 $a$\n\n第二段\n\n<!--more-->\n\n第三段 $b$");

        assertThat(document.excerptHtml()).contains("第一段", "第二段").doesNotContain("第三段", "more");
        assertThat(document.html()).contains("第三段");
        assertThat(document.formulas()).hasSize(2);
    }

    @Test
    void moreMarkerInsideAParagraphEndsTheExcerptThere() {
        RenderedDocument document = render("> 引言开头 <!-- more --> 引言结尾\n\n正文");

        assertThat(document.excerptHtml()).isEqualTo("<blockquote>\n<p>引言开头 </p>\n</blockquote>\n");
    }

    @Test
    void withoutMarkerTheExcerptIsTheLeadingBlocksThatFit() {
        String paragraph = "字".repeat(99);
        RenderedDocument document = render(String.join("\n\n", "甲" + paragraph, "乙" + paragraph, "丙" + paragraph,
                "丁" + paragraph));

        assertThat(document.excerptHtml()).contains("甲", "乙", "丙").doesNotContain("丁", "…");
    }

    @Test
    void formulaCountsWithItsTexAndIsNeverSplit() {
        String first = "甲".repeat(150) + "$\\alpha$";
        RenderedDocument document = render(first + "\n\n" + "乙".repeat(150) + "$\\beta + \\gamma$\n\n丙");

        assertThat(Html.math(document.excerptHtml())).containsExactly("span.inline:\\(\\alpha\\)");
        assertThat(document.excerptHtml()).doesNotContain("乙", "丙");
    }

    @Test
    void longFirstParagraphIsCutOutsideMath() {
        RenderedDocument document = render("甲".repeat(290) + "$\\alpha + \\beta + \\gamma$" + "乙".repeat(100));

        assertThat(document.excerptHtml()).isEqualTo("<p>" + "甲".repeat(290) + "…</p>\n");
    }

    @Test
    void longFirstParagraphIsCutAtACharacterWithEllipsis() {
        RenderedDocument document = render("𝑥" + "字".repeat(500) + "\n\n后文");

        assertThat(Html.decode(document.excerptHtml())).isEqualTo("<p>𝑥" + "字".repeat(299) + "…</p>\n");
    }

    @Test
    void excerptIsSanitized() {
        RenderedDocument document = render("开头<script>alert(1)</script><img src=x onerror=alert(2)>\n\n<!--more-->\n\n后文");

        assertThat(document.excerptHtml()).contains("开头").doesNotContain("<script", "onerror", "alert");
    }

    @Test
    void excerptLeavesFootnotesOut() {
        RenderedDocument document = render("正文[^1]。\n\n<!--more-->\n\n[^1]: 注释。");

        assertThat(document.excerptHtml()).isEqualTo("<p>正文。</p>\n");
        assertThat(document.html()).contains("footnote-ref");
    }
}
