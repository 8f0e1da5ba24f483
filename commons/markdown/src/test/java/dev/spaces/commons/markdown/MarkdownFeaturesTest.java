package dev.spaces.commons.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Markdown around the math: GFM, footnotes, heading ids, code, plain text, hostile nesting. */
@ExtendWith(SharedPipeline.class)
class MarkdownFeaturesTest {

    private static final Pattern ID = Pattern.compile(" id=\"([^\"]*)\"");

    private final MarkdownPipeline pipeline;

    MarkdownFeaturesTest(MarkdownPipeline pipeline) {
        this.pipeline = pipeline;
    }

    private RenderedDocument render(String markdown) {
        return pipeline.render(markdown, HtmlPolicy.ARTICLE, false);
    }

    private static List<String> ids(String html) {
        return ID.matcher(html).results().map(match -> match.group(1)).toList();
    }

    @Test
    void chineseHeadingsGetUniqueIds() {
        String html = render("# 线性回归\n\n## 线性回归\n\n## 小结 & 练习\n\n## Softmax 回归\n\n## $x$\n\n## $y$").html();

        assertThat(ids(html)).containsExactly("线性回归", "线性回归-1", "小结--练习", "softmax-回归", "id", "id-1");
    }

    @Test
    void footnotesLinkBothWays() {
        String html = render("正文[^1]。\n\n[^1]: 注释 $x$。").html();

        assertThat(html).contains("<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\"",
                "<section class=\"footnotes\">", "<li id=\"fn-1\">",
                "<a href=\"#fnref-1\" class=\"footnote-backref\"", "<span class=\"math inline\">");
    }

    @Test
    void tablesKeepAlignment() {
        String html = render("| 符号 | 含义 |\n|:---:|---:|\n| $x$ | 标量 |").html();

        assertThat(html).contains("<table>", "<th align=\"center\">符号</th>", "<td align=\"right\">标量</td>",
                "<td align=\"center\"><span class=\"math inline\">");
    }

    @Test
    void strikethroughNeedsTwoTildes() {
        assertThat(render("~~旧~~ 范围 1~2~3").html()).isEqualTo("<p><del>旧</del> 范围 1~2~3</p>\n");
    }

    @Test
    void fencedCodeKeepsItsLanguage() {
        String html = render("```python\nx = 1\n```\n\n```{.python .input}\ny = 2\n```\n\n```\nplain\n```").html();

        assertThat(html).contains("<pre><code class=\"language-python\">x &#61; 1", "<pre><code>plain")
                .containsPattern("<pre><code class=\"language-python\">y &#61; 2");
    }

    @Test
    void d2lMarkersStayText() {
        RenderedDocument document = render("""
                ## 小结
                :label:`sec_summary`

                $$y = x$$
                :eqlabel:`eq_y`

                见 :numref:`sec_summary` 与 :eqref:`eq_y`，参考 :cite:`Zhang.2021`。
                """);

        assertThat(document.html()).contains(":label:<code>sec_summary</code>",
                ":numref:<code>sec_summary</code>", ":cite:<code>Zhang.2021</code>");
        assertThat(document.formulas()).extracting(MathFormula::tex).containsExactly("y = x");
    }

    @Test
    void plainTextHasNoMarkupAndNoFormulas() {
        RenderedDocument document = render("""
                # 标题 $h$

                文字*强调*与[链接](https://example.org)<b>粗</b>，公式$x^2$之后。

                - 项目 `code`

                $$y$$
                """);

        assertThat(document.plainText()).isEqualTo("标题\n文字强调与链接粗，公式之后。\n项目 code");
    }

    @Test
    void deeplyNestedQuotesDoNotExhaustTheStack() {
        String markdown = ">".repeat(10_000) + " 深处 $x$\n\n后文";
        RenderedDocument document = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> render(markdown));

        assertThat(document.html()).contains("深处").contains("<p>后文</p>");
        assertThat(count(document.html(), "<blockquote>")).isLessThanOrEqualTo(NestingGuard.MAX_DEPTH);
    }

    @Test
    void deeplyNestedListsDoNotExhaustTheStack() {
        String markdown = "- ".repeat(10_000) + "深处\n\n" + "1. ".repeat(5_000) + "也深";
        RenderedDocument document = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> render(markdown));

        assertThat(document.html()).contains("深处", "也深");
    }

    @Test
    void deeplyNestedInlinesDoNotExhaustTheStack() {
        String markdown = "*".repeat(10_000) + "强" + "*".repeat(10_000) + " " + "[".repeat(10_000) + "链"
                + "](https://example.org)".repeat(10_000);
        RenderedDocument document = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> render(markdown));

        assertThat(document.html()).contains("强", "链");
        assertThat(count(document.html(), "<strong>")).isBetween(2, NestingGuard.MAX_DEPTH);
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        return (int) matcher.results().count();
    }
}
