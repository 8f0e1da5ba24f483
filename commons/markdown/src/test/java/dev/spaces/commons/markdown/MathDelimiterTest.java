package dev.spaces.commons.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which text becomes a formula, what its TeX is, and how it is marked in the HTML. */
@ExtendWith(SharedPipeline.class)
class MathDelimiterTest {

    private final MarkdownPipeline pipeline;

    MathDelimiterTest(MarkdownPipeline pipeline) {
        this.pipeline = pipeline;
    }

    private RenderedDocument render(String markdown) {
        return pipeline.render(markdown, HtmlPolicy.ARTICLE, false);
    }

    private static List<String> texts(RenderedDocument document) {
        return document.formulas().stream().map(MathFormula::tex).toList();
    }

    @Test
    void dollarsMarkInlineMath() {
        RenderedDocument document = render("质能关系$E=mc^2$成立");

        assertThat(document.formulas()).containsExactly(new MathFormula(0, "E=mc^2", MathMode.INLINE, 1, null));
        assertThat(Html.math(document.html())).containsExactly("span.inline:\\(E=mc^2\\)");
    }

    @Test
    void doubleDollarsOnTheirOwnLinesAreADisplayBlock() {
        RenderedDocument document = render("前文\n\n$$\n\\sum_{i=1}^n x_i\n$$\n\n后文");

        assertThat(document.formulas()).containsExactly(new MathFormula(0, "\\sum_{i=1}^n x_i", MathMode.DISPLAY, 3, null));
        assertThat(Html.math(document.html())).containsExactly("div.display:\\[\\sum_{i=1}^n x_i\\]");
        assertThat(document.html()).contains("<p>前文</p>").contains("<p>后文</p>");
    }

    @Test
    void displayBlockLinesAreNotMarkdown() {
        RenderedDocument document = render("$$\\begin{aligned}\na &= b \\\\\n- c &= d \\\\\n= e\n# f\n\\end{aligned}$$");

        assertThat(texts(document)).containsExactly("\\begin{aligned}\na &= b \\\\\n- c &= d \\\\\n= e\n# f\n\\end{aligned}");
        assertThat(document.html()).doesNotContain("<ul>", "<li>", "<h1", "<h2");
    }

    @Test
    void parenthesesMarkInlineMath() {
        RenderedDocument document = render("设 \\(a+b\\) 为和");

        assertThat(document.formulas()).containsExactly(new MathFormula(0, "a+b", MathMode.INLINE, 1, null));
        assertThat(Html.math(document.html())).containsExactly("span.inline:\\(a+b\\)");
    }

    @Test
    void bracketsMarkDisplayMath() {
        RenderedDocument document = render("\\[\nx^2\n\\]\n\n行内 \\[y^2\\] 也可");

        assertThat(document.formulas()).extracting(MathFormula::tex, MathFormula::mode, MathFormula::line)
                .containsExactly(tuple("x^2", MathMode.DISPLAY, 1),
                        tuple("y^2", MathMode.DISPLAY, 5));
        assertThat(Html.math(document.html())).containsExactly("div.display:\\[x^2\\]", "span.display:\\[y^2\\]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"equation", "equation*", "align", "align*", "gather", "gather*", "multline", "multline*"})
    void bareTopLevelEnvironmentIsDisplayMathAndValid(String environment) {
        String tex = "\\begin{" + environment + "}\na = b \\tag{1}\\label{eq:first}\n- c + d\n> e\n\\end{" + environment + "}";
        RenderedDocument document = pipeline.render("前文\n" + tex + "\n后文", HtmlPolicy.ARTICLE);

        assertThat(document.formulas()).extracting(MathFormula::tex, MathFormula::mode, MathFormula::line)
                .containsExactly(tuple(tex, MathMode.DISPLAY, 2));
        assertThat(document.formulas().getFirst().mathml()).contains("<mtext>(1)</mtext>");
        // in the TeX form, MathJax numbers these environments itself; wrapping them in \[…\] would be an error
        assertThat(Html.math(MathForms.tex(document.html()))).containsExactly("div.display:" + tex);
        assertThat(document.html()).contains("<p>前文</p>").contains("<p>后文</p>").doesNotContain("<blockquote>");
        assertThat(document.diagnostics()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aligned", "cases"})
    void bareInnerEnvironmentIsWrappedDisplayMath(String environment) {
        String tex = "\\begin{" + environment + "}\na & b \\\\\n- c & d\n\\end{" + environment + "}";
        RenderedDocument document = pipeline.render(tex, HtmlPolicy.ARTICLE);

        assertThat(document.formulas()).extracting(MathFormula::tex, MathFormula::mode, MathFormula::line)
                .containsExactly(tuple(tex, MathMode.DISPLAY, 1));
        assertThat(Html.math(MathForms.tex(document.html()))).containsExactly("div.display:\\[" + tex + "\\]");
        assertThat(document.diagnostics()).isEmpty();
    }

    @Test
    void environmentInsideAParagraphIsDisplayMath() {
        RenderedDocument document = render("于是 \\begin{cases} 1 & x>0 \\\\ 0 & x \\le 0 \\end{cases} 成立");

        assertThat(document.formulas()).extracting(MathFormula::mode).containsExactly(MathMode.DISPLAY);
        assertThat(texts(document)).containsExactly("\\begin{cases} 1 & x>0 \\\\ 0 & x \\le 0 \\end{cases}");
        assertThat(Html.math(document.html())).hasSize(1).allMatch(math -> math.startsWith("span.display:\\["));
    }

    @Test
    void nestedEnvironmentOfTheSameNameClosesAtItsOwnEnd() {
        String tex = "\\begin{aligned}a &= \\begin{aligned} b \\end{aligned} \\\\ c &= d\\end{aligned}";

        assertThat(texts(render(tex))).containsExactly(tex);
    }

    @Test
    void emphasisMarkersInsideMathStayTex() {
        RenderedDocument document = render("$a_1*b_2$ 与 $c_3*d_4$，以及 $x_1 + y_2$ 和 $_a_$");

        assertThat(texts(document)).containsExactly("a_1*b_2", "c_3*d_4", "x_1 + y_2", "_a_");
        assertThat(document.html()).doesNotContain("<em>", "<strong>");
    }

    @Test
    void backslashEscapesSurviveInsideMath() {
        RenderedDocument document = render("集合 $\\{x \\mid x>0\\}$ 与\n\n$$a \\\\ b \\{c\\} \\$ \\_$$");

        assertThat(texts(document)).containsExactly("\\{x \\mid x>0\\}", "a \\\\ b \\{c\\} \\$ \\_");
        assertThat(Html.math(document.html())).containsExactly("span.inline:\\(\\{x \\mid x>0\\}\\)",
                "div.display:\\[a \\\\ b \\{c\\} \\$ \\_\\]");
    }

    @Test
    void pricesAreNotMath() {
        RenderedDocument document = render("It costs $5 and $10, or $ 20 $ with tax; 价格$3。");

        assertThat(document.formulas()).isEmpty();
        assertThat(Html.decode(document.html())).contains("It costs $5 and $10, or $ 20 $ with tax; 价格$3。");
    }

    @Test
    void closingDollarFollowedByDigitIsNotAClosingDollar() {
        assertThat(texts(render("between $a$1 and $b$"))).containsExactly("b");
    }

    @Test
    void escapedDollarsAreText() {
        RenderedDocument document = render("\\$x\\$ 与 \\\\(y\\\\)");

        assertThat(document.formulas()).isEmpty();
        assertThat(Html.decode(document.html())).contains("$x$ 与 \\(y\\)");
    }

    @Test
    void codeSpansWinOverMath() {
        RenderedDocument document = render("代码 `$x$` 与 `\\(y\\)`，价格 $10 后接 `$z$`");

        assertThat(document.formulas()).isEmpty();
        assertThat(document.html()).contains("<code>$x$</code>", "<code>\\(y\\)</code>", "<code>$z$</code>");
    }

    @Test
    void fencedAndIndentedCodeWinOverMath() {
        RenderedDocument document = render("```python\nprice = \"$x$\"\n$$y$$\n\\begin{equation}z\\end{equation}\n```\n\n"
                + "    indented $w$\n");

        assertThat(document.formulas()).isEmpty();
        assertThat(Html.decode(document.html()))
                .contains("price = \"$x$\"\n$$y$$\n\\begin{equation}z\\end{equation}", "indented $w$");
    }

    @Test
    void displayMathInsideAParagraphSpansLines() {
        // d2l marks key formulas as (**$$…$$**), continuing over the next line
        RenderedDocument document = render("(**$$y = 5 + \\epsilon \\text{ where }\n\\epsilon \\sim \\mathcal{N}(0, 0.1^2).$$**)");

        assertThat(document.formulas()).containsExactly(new MathFormula(0,
                "y = 5 + \\epsilon \\text{ where }\n\\epsilon \\sim \\mathcal{N}(0, 0.1^2).", MathMode.DISPLAY, 1, null));
        assertThat(document.html()).contains("(<strong><span class=\"math display\">");
    }

    @Test
    void inlineMathMaySpanLines() {
        assertThat(texts(render("设 $a +\n  b$ 为和"))).containsExactly("a +\nb");
    }

    @Test
    void displayMathOpenedAtALineEndAndClosedAtALineStartStaysInTheParagraph() {
        RenderedDocument document = render("即 $$\nx = 1\n$$ 成立，且 \\[\ny\n\\] 亦然");

        assertThat(texts(document)).containsExactly("x = 1", "y");
        assertThat(document.html()).startsWith("<p>即 <span class=\"math display\">").doesNotContain("<div");
    }

    @Test
    void displayMathOnOneLineWithTextAfterStaysInTheParagraph() {
        RenderedDocument document = render("$$a$$ 和 $$b$$ 都是公式");

        assertThat(texts(document)).containsExactly("a", "b");
        assertThat(document.html()).startsWith("<p><span class=\"math display\">");
    }

    @Test
    void textAfterAClosingDelimiterOnItsOwnLineBecomesAParagraph() {
        RenderedDocument document = render("$$\na\n$$，其中 $b$ 为常数");

        assertThat(texts(document)).containsExactly("a", "b");
        assertThat(Html.decode(document.html())).contains("</div>\n<p>，其中 <span class=\"math inline\">");
    }

    @Test
    void unclosedDisplayMathIsText() {
        RenderedDocument document = render("$$ 这不是公式\n- 但这是列表吗\n\n# 标题 $x$");

        assertThat(texts(document)).containsExactly("x");
        assertThat(Html.decode(document.html())).contains("<p>$$ 这不是公式").contains("<h1");
    }

    @Test
    void displayMathInListsAndQuotes() {
        RenderedDocument document = render("1. 第一项\n\n   $$\n   a = b\n   $$\n\n> 引用\n> $$c$$\n");

        assertThat(document.formulas()).extracting(MathFormula::tex, MathFormula::line)
                .containsExactly(tuple("a = b", 3),
                        tuple("c", 8));
        assertThat(document.html()).contains("<li>").contains("<blockquote>");
        assertThat(Html.math(document.html())).containsExactly("div.display:\\[a = b\\]", "div.display:\\[c\\]");
    }

    @Test
    void formulasAreListedInDocumentOrderWithTheirLines() {
        String markdown = """
                # 标题 $h$

                正文 $a$ 与 \\(b\\)
                > 引用 $c$

                | 列 | 值 |
                |---|---|
                | $d$ | x |

                - 列表 $e$

                $$
                f
                $$

                脚注[^1]

                [^1]: 注释 $g$
                """;
        RenderedDocument document = render(markdown);

        assertThat(document.formulas()).extracting(MathFormula::index, MathFormula::tex, MathFormula::line)
                .containsExactly(
                        tuple(0, "h", 1),
                        tuple(1, "a", 3),
                        tuple(2, "b", 3),
                        tuple(3, "c", 4),
                        tuple(4, "d", 8),
                        tuple(5, "e", 10),
                        tuple(6, "f", 12),
                        tuple(7, "g", 18));
    }

    @Test
    void texIsHtmlEscaped() {
        RenderedDocument document = render("$a<b>c \\text{</span><script>x</script>}$");

        assertThat(document.html()).doesNotContain("<script", "<b>")
                .contains("<span class=\"math inline\">\\(a&lt;b&gt;c");
        assertThat(texts(document)).containsExactly("a<b>c \\text{</span><script>x</script>}");
    }
}
