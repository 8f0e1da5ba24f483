package dev.spaces.search.analysis.lucene;

import dev.spaces.search.analysis.AnalyzedToken;
import dev.spaces.search.analysis.LatexAnalyzerFactory;
import dev.spaces.search.analysis.LatexNormalizationFilterFactory;
import dev.spaces.search.analysis.LatexTokenizerFactory;
import dev.spaces.search.analysis.latex.LatexNormalizer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static dev.spaces.search.analysis.AnalyzedToken.analyze;
import static dev.spaces.search.analysis.AnalyzedToken.terms;
import static org.assertj.core.api.Assertions.assertThat;

/** The LaTeX tokenizer, filter and analyzer as Elasticsearch builds them. */
class LatexAnalysisTest {

    private static final String FORMULA = "\\left\\|\\mathbf{x} - \\mathbf{y}\\right\\|^{2}";

    @Test
    void tokenizerEmitsRawTokens() {
        var tokenizer = new LatexTokenizerFactory().create();
        assertThat(terms(analyze(tokenizer, Function.identity(), "\\mathbf{x}^{2}")))
                .containsExactly("\\mathbf", "{", "x", "}", "^", "{", "2", "}");
    }

    @Test
    void tokenizerAndFilterNormalizeLikeThePureJavaNormalizer() {
        var tokenizer = new LatexTokenizerFactory().create();
        var filter = new LatexNormalizationFilterFactory();
        assertThat(terms(analyze(tokenizer, filter::create, FORMULA))).isEqualTo(LatexNormalizer.terms(FORMULA));
    }

    @Test
    void analyzerGivesConsecutivePositionsAndSourceOffsets() {
        try (var analyzer = new LatexAnalyzerFactory().create()) {
            assertThat(analyze(analyzer, FORMULA)).containsExactly(
                    new AnalyzedToken("\\Vert", 0, 5, 7),
                    new AnalyzedToken("x", 1, 15, 16),
                    new AnalyzedToken("-", 2, 18, 19),
                    new AnalyzedToken("y", 3, 28, 29),
                    new AnalyzedToken("\\Vert", 4, 36, 38),
                    new AnalyzedToken("^", 5, 38, 39),
                    new AnalyzedToken("2", 6, 40, 41));
        }
    }

    @Test
    void normalizedTokensMakeShingles() {
        var tokenizer = new LatexTokenizerFactory().create();
        var normalization = new LatexNormalizationFilterFactory();
        Function<TokenStream, TokenStream> shingles = stream -> {
            ShingleFilter pairs = new ShingleFilter(normalization.create(stream), 2, 2);
            pairs.setOutputUnigrams(false);
            return pairs;
        };
        assertThat(terms(analyze(tokenizer, shingles, FORMULA)))
                .containsExactly("\\Vert x", "x -", "- y", "y \\Vert", "\\Vert ^", "^ 2");
    }

    @Test
    void analyzerIsReusable() {
        try (var analyzer = new LatexAnalyzerFactory().create()) {
            assertThat(terms(analyze(analyzer, FORMULA))).isEqualTo(terms(analyze(analyzer, "\\|x-y\\|^2")));
            assertThat(terms(analyze(analyzer, "a_{i}"))).containsExactly("a", "_", "i");
            assertThat(analyze(analyzer, "\\label{x}")).isEmpty();
        }
    }
}
