package dev.spaces.site.view;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueryPartsTest {

    @Test
    void wordsAndDollarFormulasAreNamedApart() {
        QueryParts parts = QueryParts.of("梯度下降 $x^2$ 收敛 $$\\|x-y\\|^2$$");
        assertThat(parts.words()).isEqualTo("梯度下降 收敛");
        assertThat(parts.formulas()).containsExactly("x^2", "\\|x-y\\|^2");
        assertThat(parts.hasWords()).isTrue();
        assertThat(parts.hasFormulas()).isTrue();
    }

    @Test
    void parenthesisAndBracketDelimitersAreFormulasToo() {
        assertThat(QueryParts.of("\\(a+b\\) 和 \\[\\frac{1}{2}\\]").formulas()).containsExactly("a+b", "\\frac{1}{2}");
    }

    @Test
    void aFormulaAloneHasNoWords() {
        QueryParts parts = QueryParts.of(" $x^2$ ");
        assertThat(parts.hasWords()).isFalse();
        assertThat(parts.formulas()).isEqualTo(List.of("x^2"));
    }

    @Test
    void anUnpairedDollarIsPlainTextAndEmptyDollarsAreNothing() {
        assertThat(QueryParts.of("价格 $5")).isEqualTo(new QueryParts("价格 5", List.of()));
        assertThat(QueryParts.of("a $ $ b").formulas()).isEmpty();
        assertThat(QueryParts.of(null)).isEqualTo(new QueryParts("", List.of()));
    }
}
