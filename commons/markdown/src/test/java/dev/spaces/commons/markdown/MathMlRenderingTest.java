package dev.spaces.commons.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every formula is rendered on the server to MathML Core with its TeX as annotation; one test per construct. */
@ExtendWith(SharedPipeline.class)
class MathMlRenderingTest {

    private static final Pattern MATH = Pattern.compile("<math\\b.*?</math>", Pattern.DOTALL);

    private final MarkdownPipeline pipeline;

    MathMlRenderingTest(MarkdownPipeline pipeline) {
        this.pipeline = pipeline;
    }

    private String mathml(String markdown) {
        RenderedDocument document = pipeline.render(markdown, HtmlPolicy.ARTICLE);
        assertThat(document.diagnostics()).isEmpty();
        assertThat(document.formulas()).hasSize(1);
        String mathml = document.formulas().getFirst().mathml();
        assertThat(MathMlCore.problems(mathml)).as(mathml).isEmpty();
        assertThat(document.html()).contains(mathml);
        return mathml;
    }

    @Test
    void inlineMathBecomesMathMlWithItsTexAsAnnotation() {
        RenderedDocument document = pipeline.render("质能关系 $E=mc^2$ 成立", HtmlPolicy.ARTICLE);

        assertThat(document.html()).isEqualTo("<p>质能关系 <span class=\"math inline\">"
                + "<math xmlns=\"http://www.w3.org/1998/Math/MathML\"><semantics><mrow><mi>E</mi><mo>&#61;</mo>"
                + "<mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mrow>"
                + "<annotation encoding=\"application/x-tex\">E&#61;mc^2</annotation></semantics></math></span> 成立</p>\n");
        assertThat(document.formulas().getFirst().mathml()).startsWith("<math").endsWith("</math>");
    }

    @Test
    void displayMathIsABlockInAScrollableContainer() {
        RenderedDocument document = pipeline.render("$$\n\\sum_{i=1}^n x_i\n$$", HtmlPolicy.ARTICLE);

        assertThat(document.html()).startsWith("<div class=\"math display\"><math "
                + "xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">");
        assertThat(mathml("$$\\sum_{i=1}^n x_i$$")).contains("<munderover><mo>∑</mo>");
    }

    @Test
    void explicitTagsAreWrittenAsLabels() {
        assertThat(mathml("$$E=mc^2 \\tag{3}$$")).contains("<mtext>(3)</mtext>");
        assertThat(mathml("$$\\begin{aligned}a&=b\\end{aligned}\\tag*{★}$$")).contains("<mtext>★</mtext>");
        assertThat(mathml("\\begin{align}\na &= b \\tag{1a}\\\\\nc &= d \\notag\n\\end{align}"))
                .contains("<mtext>(1a)</mtext>").doesNotContain("<mtext>(1)</mtext>");
    }

    @Test
    void automaticEquationNumbersCountThroughTheDocumentAndTheExcerptKeepsThem() {
        String markdown = """
                \\begin{equation}
                a = 1
                \\end{equation}

                \\begin{align}
                b &= 2 \\\\
                c &= 3 \\tag{*} \\\\
                d &= 4
                \\end{align}

                <!--more-->

                \\begin{equation*}
                e = 5
                \\end{equation*}

                \\begin{gather}
                f = 6
                \\end{gather}
                """;
        RenderedDocument document = pipeline.render(markdown, HtmlPolicy.ARTICLE);

        assertThat(labels(document.html())).containsExactly("(1)", "(2)", "(*)", "(3)", "(4)");
        assertThat(labels(document.excerptHtml())).containsExactly("(1)", "(2)", "(*)", "(3)");
        assertThat(document.formulas()).allSatisfy(formula ->
                assertThat(MathMlCore.problems(formula.mathml())).isEmpty());
    }

    @Test
    void alignKeepsItsColumnsAlignedWithCellStyles() {
        assertThat(mathml("\\begin{align*}\nf(x) &= x^2 \\\\\n&= x \\cdot x\n\\end{align*}"))
                .contains("<mtd style=\"text-align: right; padding: ")
                .contains("<mtd style=\"text-align: left; padding: ")
                .doesNotContain("columnalign");
    }

    @Test
    void casesHaveABraceAndLeftAlignedColumns() {
        assertThat(mathml("$$|x| = \\begin{cases} x & x \\ge 0 \\\\ -x & \\text{否则} \\end{cases}$$"))
                .contains("<mo fence=\"true\">{") // the sanitizer writes {<!-- --> so that no {{ reaches a template engine
                .contains("<mtext>否则</mtext>")
                .contains("text-align: left");
    }

    @Test
    void matricesKeepTheirFencesRowsAndRules() {
        assertThat(mathml("$$\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}$$"))
                .contains("<mo fence=\"true\">(</mo>").contains("<mo fence=\"true\">)</mo>")
                .containsPattern("(<mtr>.*?</mtr>){2}");
        assertThat(mathml("$$\\begin{bmatrix}a\\\\b\\end{bmatrix}$$")).contains("<mo fence=\"true\">[</mo>");
        assertThat(mathml("$$\\begin{array}{c|c}a&b\\\\\\hline c&d\\end{array}$$"))
                .contains("border-right: 0.06em solid").contains("border-bottom: 0.06em solid");
    }

    @Test
    void displaystyleSurvives() {
        assertThat(mathml("$\\displaystyle\\sum_{i=1}^n i$")).contains("displaystyle=\"true\"");
    }

    @Test
    void fontVariantsBecomeMathematicalAlphanumericCharacters() {
        // MathML Core ignores mathvariant other than normal; Unicode has the letters themselves
        assertThat(Html.decode(mathml("$\\mathbb{R}^n \\mathbf{W} \\boldsymbol{\\alpha} \\mathcal{L} \\mathfrak{g} \\mathbb{1}$")))
                .contains("<mi>ℝ</mi>", "<mi>𝐖</mi>", "<mi>𝜶</mi>", "<mi>ℒ</mi>", "<mi>𝔤</mi>", "𝟙")
                .doesNotContain("mathvariant=\"bold\"", "double-struck");
        assertThat(mathml("$\\operatorname{softmax}(x)$")).contains("<mi mathvariant=\"normal\">softmax</mi>");
    }

    @Test
    void boxesAndStrikesBecomeStyledRows() {
        assertThat(mathml("$\\boxed{x}$")).contains("<mrow style=\"border: 0.06em solid; padding: 0.15em\">")
                .doesNotContain("menclose");
        assertThat(mathml("$\\cancel{x}$")).contains("text-decoration: line-through");
    }

    @Test
    void multlineIsRenderedAndItsAnnotationIsTheTexAsWritten() {
        assertThat(mathml("\\begin{multline}\na + b \\\\\n+ c\n\\end{multline}"))
                .contains("<annotation encoding=\"application/x-tex\">\\begin{multline}")
                .doesNotContain("gather");
    }

    @Test
    void theTexFormHasTheDelimitersClientRenderersLookFor() {
        RenderedDocument document = pipeline.render("行内 $a<b$\n\n$$\nx^2\n$$\n\n\\begin{equation}\ny\n\\end{equation}",
                HtmlPolicy.ARTICLE);

        String tex = MathForms.tex(document.html());
        assertThat(tex).doesNotContain("<math");
        assertThat(Html.math(tex)).containsExactly("span.inline:\\(a<b\\)", "div.display:\\[x^2\\]",
                "div.display:\\begin{equation}\ny\n\\end{equation}");
        assertThat(MathForms.named("TeX").apply(document.html())).isEqualTo(tex);
        assertThat(MathForms.named("mathml").apply(document.html())).isEqualTo(document.html());
        assertThat(MathForms.named("svg")).isNull();
    }

    @Test
    void aFormulaThatDoesNotParseIsNeverRenderedAsMathMl() {
        RenderedDocument document = pipeline.render("好 $x$ 坏 $\\frac{a}{b$", HtmlPolicy.ARTICLE);

        assertThat(document.diagnostics()).hasSize(1);
        assertThat(document.formulas().get(1).mathml()).isNull();
        assertThat(document.html()).containsOnlyOnce("<math")
                .contains("class=\"math-error\"", "title=\"Unexpected end of input in a macro argument, expected &#39;}&#39;\"",
                        ">\\frac{a}{b</span>");
    }

    @Test
    void aRenderedFormulaIsCachedByDisplayModeAndTex() {
        try (KatexRenderer katex = new KatexRenderer(PipelineSettings.defaults())) {
            FormulaRendering first = katex.render("\\int_0^1 x\\,dx", MathMode.INLINE).join();
            FormulaRendering again = katex.render("\\int_0^1 x\\,dx", MathMode.INLINE).join();
            FormulaRendering display = katex.render("\\int_0^1 x\\,dx", MathMode.DISPLAY).join();

            assertThat(again).isSameAs(first);
            assertThat(display).isNotSameAs(first);
            assertThat(display.markup()).contains("display=\"block\"");
            assertThat(first.markup()).doesNotContain("display=\"block\"");
        }
    }

    private static List<String> labels(String html) {
        Matcher math = MATH.matcher(html);
        List<String> labels = new java.util.ArrayList<>();
        while (math.find()) {
            Matcher label = Pattern.compile("<mtd style=\"text-align: right\"><mtext>([^<]*)</mtext></mtd>")
                    .matcher(math.group());
            while (label.find()) {
                labels.add(Html.decode(label.group(1)));
            }
        }
        return labels;
    }
}
