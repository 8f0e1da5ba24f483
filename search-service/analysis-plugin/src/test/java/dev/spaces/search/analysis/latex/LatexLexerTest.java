package dev.spaces.search.analysis.latex;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LatexLexerTest {

    private static List<String> texts(String formula) {
        return LatexLexer.lex(formula).stream().map(LatexToken::text).toList();
    }

    @Test
    void controlWordsLettersNumbersAndSymbols() {
        assertThat(texts("\\frac{a_1}{3.14} + xy"))
                .containsExactly("\\frac", "{", "a", "_", "1", "}", "{", "3.14", "}", "+", "x", "y");
    }

    @Test
    void controlSymbolsTakeOneCharacter() {
        assertThat(texts("\\|x\\|\\,\\{\\}\\\\")).containsExactly("\\|", "x", "\\|", "\\,", "\\{", "\\}", "\\\\");
    }

    @Test
    void controlSpaceHasOneSpelling() {
        assertThat(texts("a\\ b\\\tc")).containsExactly("a", "\\ ", "b", "\\ ", "c");
    }

    @Test
    void numbersTakeOneDecimalPoint() {
        assertThat(texts("12.5.3 1.")).containsExactly("12.5", ".", "3", "1", ".");
    }

    @Test
    void whitespaceAndCommentsAreSkipped() {
        assertThat(texts("a % the rest is a comment\n + b")).containsExactly("a", "+", "b");
    }

    @Test
    void nonAsciiCharactersAreWholeCodePoints() {
        assertThat(texts("α≤\uD835\uDC31")).containsExactly("α", "≤", "\uD835\uDC31");
    }

    @Test
    void offsetsPointIntoTheFormula() {
        assertThat(LatexLexer.lex("x^{10}"))
                .containsExactly(new LatexToken("x", 0, 1), new LatexToken("^", 1, 2), new LatexToken("{", 2, 3),
                        new LatexToken("10", 3, 5), new LatexToken("}", 5, 6));
    }

    @Test
    void trailingBackslashIsAToken() {
        assertThat(texts("x\\")).containsExactly("x", "\\");
    }
}
