package dev.spaces.commons.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Raw HTML and links in Markdown against the article and comment policies. */
@ExtendWith(SharedPipeline.class)
class HtmlSanitizingTest {

    private static final String RICH_ARTICLE = """
            # 标题

            正文 *强调* **加粗** ~~删除~~ $x^2$ <sub>下</sub><sup>上</sup>，[链接](https://example.org/a?b=1&c=2 "提示")、
            [相对](/posts/1)、[邮件](mailto:a@example.org)。<br>

            ![图](https://example.org/a.png "说明")

            > 引用

            1. 一
            2. 二

            | 左 | 中 |
            |:--|:-:|
            | a | $b$ |

            ```python
            print("<b>$x$</b>")
            ```

            ---

            $$
            \\frac{a}{b}
            $$

            脚注[^n]

            [^n]: 说明。
            """;

    private final MarkdownPipeline pipeline;

    HtmlSanitizingTest(MarkdownPipeline pipeline) {
        this.pipeline = pipeline;
    }

    private String article(String markdown) {
        return pipeline.render(markdown, HtmlPolicy.ARTICLE, false).html();
    }

    private String comment(String markdown) {
        return pipeline.render(markdown, HtmlPolicy.COMMENT, false).html();
    }

    @Test
    void scriptElementIsRemoved() {
        assertThat(article("a <script>alert(1)</script> b\n\n<script>\nalert(2)\n</script>"))
                .doesNotContain("<script", "alert");
    }

    @Test
    void eventHandlerIsRemoved() {
        String html = article("<img src=x onerror=alert(1)> <p onclick=\"alert(2)\" style=\"color:red\">p</p>");

        assertThat(html).doesNotContain("onerror", "onclick", "style", "alert").contains("<img src=\"x\"");
    }

    @Test
    void javascriptLinkKeepsItsTextButNoHref() {
        String html = article("[x](javascript:alert(1))");

        assertThat(html).isEqualTo("<p>x</p>\n");
    }

    @Test
    void javascriptLinkHiddenByACharacterReferenceKeepsItsTextButNoHref() {
        assertThat(article("[x](java&#09;script:alert(1)) [y](jav&#x61;script:alert(1)) [z](JAVASCRIPT:alert(1))"))
                .isEqualTo("<p>x y z</p>\n");
    }

    @Test
    void dataUrlLinkKeepsItsTextButNoHref() {
        assertThat(article("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"))
                .isEqualTo("<p>x</p>\n");
    }

    @Test
    void imageWithScriptOrDataSourceIsDropped() {
        assertThat(article("![a](javascript:alert(1)) ![b](data:image/svg+xml;base64,PHN2Zz4=)"))
                .doesNotContain("<img", "javascript", "data:");
    }

    @Test
    void scriptInsideSvgIsRemoved() {
        assertThat(article("<svg><script>alert(1)</script></svg> <svg onload=alert(2)>"))
                .doesNotContain("<svg", "<script", "alert");
    }

    @Test
    void mutationXssThroughFormAndMathIsRemoved() {
        String html = article("<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>");

        assertThat(html).doesNotContain("<form", "<style", "<mglyph", "<img", "onerror");
    }

    @Test
    void codeFenceKeepsScriptAndMathAsEscapedText() {
        RenderedDocument document = pipeline.render("```html\n<script>alert($x$)</script>\n```", HtmlPolicy.ARTICLE);

        assertThat(document.html()).startsWith("<pre><code class=\"language-html\">&lt;script&gt;")
                .doesNotContain("<script");
        assertThat(Html.decode(document.html())).contains("<script>alert($x$)</script>");
        assertThat(document.formulas()).isEmpty();
    }

    @Test
    void articleKeepsItsMarkup() {
        String html = article(RICH_ARTICLE);

        assertThat(html).contains(
                "<h1 id=\"标题\">", "<em>", "<strong>", "<del>", "<sub>", "<sup>", "<br />",
                "<a href=\"https://example.org/a?b&#61;1&amp;c&#61;2\" title=\"提示\" rel=\"noopener\">",
                "<a href=\"/posts/1\" rel=\"noopener\">", "<a href=\"mailto:a&#64;example.org\" rel=\"noopener\">",
                "<img src=\"https://example.org/a.png\" alt=\"图\" title=\"说明\" />",
                "<blockquote>", "<ol>", "<th align=\"left\">", "<td align=\"center\">",
                "<pre><code class=\"language-python\">", "<hr />",
                "<span class=\"math inline\">", "<div class=\"math display\">",
                "<sup class=\"footnote-ref\"><a href=\"#fn-n\" id=\"fnref-n\"", "<section class=\"footnotes\">");
    }

    @ParameterizedTest
    @EnumSource(HtmlPolicy.class)
    void sanitizingTwiceChangesNothing(HtmlPolicy policy) {
        String markdown = RICH_ARTICLE + "\n<script>x</script><img src=x onerror=alert(1)>[j](javascript:alert(1))"
                + "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>";
        RenderedDocument document = pipeline.render(markdown, policy, false);

        assertThat(HtmlSanitizer.sanitize(document.html(), policy)).isEqualTo(document.html());
        assertThat(HtmlSanitizer.sanitize(document.excerptHtml(), policy)).isEqualTo(document.excerptHtml());
    }

    @Test
    void commentDropsImages() {
        assertThat(comment("看图 ![猫](https://example.org/cat.png) <img src=\"https://example.org/dog.png\">"))
                .doesNotContain("<img", "cat.png", "dog.png");
    }

    @Test
    void commentDowngradesLargeHeadings() {
        String html = comment("# 一\n\n## 二\n\n### 三\n\n#### 四\n\n##### 五");

        assertThat(html).doesNotContain("<h1", "<h2", "<h3", "id=")
                .contains("<h4>一</h4>", "<h4>二</h4>", "<h4>三</h4>", "<h4>四</h4>", "<h5>五</h5>");
    }

    @Test
    void commentLinksAreMarkedAsUserContent() {
        String html = comment("[站点](https://example.org) 与 <https://example.com>");

        assertThat(html).contains("<a href=\"https://example.org\" rel=", "<a href=\"https://example.com\" rel=");
        assertThat(Pattern.compile("rel=\"([^\"]*)\"").matcher(html).results().map(rel -> rel.group(1).split(" ")))
                .hasSize(2).allSatisfy(rel -> assertThat(rel).containsExactlyInAnyOrder("ugc", "nofollow", "noopener"));
    }

    @Test
    void commentAllowsOnlyWebAndMailLinks() {
        String html = comment("[相对](/admin) [片段](#top) [邮件](mailto:a@example.org) [j](javascript:alert(1))");

        assertThat(html).doesNotContain("/admin", "#top", "javascript")
                .contains("相对", "片段", "<a href=\"mailto:a&#64;example.org\"");
    }

    @Test
    void commentKeepsMathAndCode() {
        String html = comment("式 $x^2$ 与 `code`\n\n```java\nint a;\n```");

        assertThat(html).contains("<span class=\"math inline\">", "<code>code</code>",
                "<code class=\"language-java\">");
    }
}
