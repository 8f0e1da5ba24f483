package dev.spaces.search.analysis;

import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static dev.spaces.search.analysis.AnalyzedToken.analyze;
import static dev.spaces.search.analysis.AnalyzedToken.terms;
import static org.assertj.core.api.Assertions.assertThat;

/** The Chinese and whitespace components, built through the factories Elasticsearch calls. */
class ChineseAnalysisTest {

    @Test
    void smartcnSegmentsWords() {
        var tokenizer = new SmartChineseTokenizerFactory().create();
        assertThat(terms(analyze(tokenizer, Function.identity(), "深度学习中的梯度累积")))
                .containsExactly("深度", "学习", "中", "的", "梯度", "累积");
    }

    @Test
    void smartcnKeepsDictionaryWordsOfUnknownTerms() {
        // 变分 is not in smartcn's dictionary, so it falls apart into characters: the bigram field covers it
        var tokenizer = new SmartChineseTokenizerFactory().create();
        assertThat(terms(analyze(tokenizer, Function.identity(), "变分自编码器")))
                .containsExactly("变", "分", "自", "编码器");
    }

    @Test
    void smartcnAnalyzerDropsPunctuationAndStemsEnglish() {
        try (var analyzer = new SmartChineseAnalyzerFactory().create()) {
            assertThat(terms(analyze(analyzer, "梯度累积，Training models。")))
                    .containsExactly("梯度", "累积", "train", "model");
        }
    }

    @Test
    void cjkBigramsOverlap() {
        var bigrams = new CjkBigramFilterFactory();
        assertThat(terms(analyze(new StandardTokenizer(), bigrams::create, "变分自编码器")))
                .containsExactly("变分", "分自", "自编", "编码", "码器");
    }

    @Test
    void cjkBigramsLeaveLatinWordsAlone() {
        var bigrams = new CjkBigramFilterFactory();
        assertThat(terms(analyze(new StandardTokenizer(), bigrams::create, "VAE 编码器")))
                .containsExactly("VAE", "编码", "码器");
    }

    @Test
    void whitespaceSplitsOnlyOnWhitespace() {
        var tokenizer = new WhitespaceTokenizerFactory().create();
        assertThat(terms(analyze(tokenizer, Function.identity(), " x^2+y  \\alpha\t梯度累积\n")))
                .containsExactly("x^2+y", "\\alpha", "梯度累积");
    }
}
