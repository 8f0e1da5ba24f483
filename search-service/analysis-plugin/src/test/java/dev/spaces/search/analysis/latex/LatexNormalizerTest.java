package dev.spaces.search.analysis.latex;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class LatexNormalizerTest {

    private static final List<String> NORM_OF_DIFFERENCE = List.of("\\Vert", "x", "-", "y", "\\Vert", "^", "2");

    private static List<String> terms(String formula) {
        return LatexNormalizer.terms(formula);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\\Vert\\boldsymbol{x}-\\boldsymbol{y}\\Vert^2",
            "\\left\\|\\mathbf{x} - \\mathbf{y}\\right\\|^{2}",
            "\\|x-y\\|^2",
            "\\lVert \\bm x - \\bm y \\rVert^{2}",
            "\\big\\| x-y \\big\\|^{{2}}"})
    void acceptanceExamplesAgree(String formula) {
        assertThat(terms(formula)).isEqualTo(NORM_OF_DIFFERENCE);
    }

    @Test
    void synonymsGetOneSpelling() {
        assertThat(terms("\\dfrac{a}{b} \\tfrac12")).containsExactly("\\frac", "a", "b", "\\frac", "12");
        assertThat(terms("a\\leq b\\geq c\\neq d")).containsExactly("a", "\\le", "b", "\\ge", "c", "\\ne", "d");
        assertThat(terms("f\\colon X\\to Y, y\\gets x")).containsExactly(
                "f", ":", "X", "\\rightarrow", "Y", ",", "y", "\\leftarrow", "x");
        assertThat(terms("\\lbrace x\\rbrace")).isEqualTo(terms("\\{ x \\}"));
        assertThat(terms("\\lvert x \\rvert")).isEqualTo(terms("|x|"));
        assertThat(terms("P(A\\mid B)")).isEqualTo(terms("P(A|B)"));
        assertThat(terms("x_1,\\ldots,x_n")).isEqualTo(terms("x_1,\\cdots,x_n"));
        assertThat(terms("a − b ≤ c")).isEqualTo(terms("a - b \\le c"));
    }

    @Test
    void presentationMacrosAreDropped() {
        assertThat(terms("\\displaystyle\\sum\\limits_{i=1}^{n} x_i"))
                .isEqualTo(terms("\\sum_{i=1}^n x_i"));
        assertThat(terms("a\\,b\\;c\\:d\\!e\\quad f\\qquad g~h\\ i"))
                .containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i");
        assertThat(terms("\\mathrm{d}x")).containsExactly("d", "x");
        assertThat(terms("\\Bigl( a \\Bigr) \\bigg[ b \\bigg]")).containsExactly("(", "a", ")", "[", "b", "]");
    }

    @Test
    void meaningfulFontsStay() {
        assertThat(terms("x\\in\\mathbb{R}^n")).containsExactly("x", "\\in", "\\mathbb", "R", "^", "n");
        assertThat(terms("\\mathcal{L}")).containsExactly("\\mathcal", "L");
    }

    @Test
    void fontArgumentsLoseTheirBraces() {
        assertThat(terms("\\mathbf{W}\\boldsymbol{x}+\\mathrm{softmax}(z)"))
                .isEqualTo(terms("Wx+softmax(z)"));
    }

    @Test
    void nullDelimitersGoWithTheirSizing() {
        assertThat(terms("\\left. f(x) \\right|_{0}^{1}")).containsExactly("f", "(", "x", ")", "|", "_", "0", "^", "1");
    }

    @Test
    void labelsTagsAndAlignmentAreDropped() {
        assertThat(terms("a &= b \\label{eq:main} \\tag*{3} \\\\ &= c \\nonumber"))
                .containsExactly("a", "=", "b", "=", "c");
        assertThat(terms("\\textcolor{red}{x} + \\color{blue} y")).containsExactly("x", "+", "y");
    }

    @Test
    void singleTokenGroupsLoseTheirBraces() {
        assertThat(terms("x^{2}")).isEqualTo(terms("x^2"));
        assertThat(terms("x_{i}^{\\prime}")).containsExactly("x", "_", "i", "^", "\\prime");
        assertThat(terms("{{x}}")).containsExactly("x");
        assertThat(terms("\\frac{1}{n}")).containsExactly("\\frac", "1", "n");
    }

    @Test
    void structuralGroupsKeepTheirBraces() {
        assertThat(terms("x^{n+1}")).containsExactly("x", "^", "{", "n", "+", "1", "}");
        assertThat(terms("x_{ij}")).isNotEqualTo(terms("x_ij"));
        assertThat(terms("\\sqrt{\\frac{a}{b}}")).containsExactly("\\sqrt", "{", "\\frac", "a", "b", "}");
        assertThat(terms("{}^{14}C")).containsExactly("{", "}", "^", "14", "C");
    }

    @Test
    void caseIsSignificant() {
        assertThat(terms("X")).isNotEqualTo(terms("x"));
    }

    @Test
    void survivingTokensKeepTheirOffsets() {
        assertThat(LatexNormalizer.normalize(LatexLexer.lex("\\left\\|x\\right\\|^{2}")))
                .containsExactly(new LatexToken("\\Vert", 5, 7), new LatexToken("x", 7, 8),
                        new LatexToken("\\Vert", 14, 16), new LatexToken("^", 16, 17), new LatexToken("2", 18, 19));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "}", "}}{{", "x^{2", "\\frac{a}{", "\\label{never closed", "\\tag", "\\left",
            "\\mathbf", "\\mathbf{", "\\", "\\left.", "%", "^_^", "\\right\\|}}}", "{\\mathbf{x}"})
    void malformedInputNeverThrows(String formula) {
        assertThatCode(() -> terms(formula)).doesNotThrowAnyException();
    }

    @Test
    void unbalancedBracesStayAsTokens() {
        assertThat(terms("x^{2")).containsExactly("x", "^", "{", "2");
        assertThat(terms("a}b")).containsExactly("a", "}", "b");
        assertThat(terms("\\label{eq x + y")).isEmpty();
    }
}
