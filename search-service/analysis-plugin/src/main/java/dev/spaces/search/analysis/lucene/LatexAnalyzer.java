package dev.spaces.search.analysis.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;

/** Formula analysis for indexing and querying alike: {@link LatexTokenizer} then {@link LatexNormalizationFilter}. */
public final class LatexAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer tokenizer = new LatexTokenizer();
        return new TokenStreamComponents(tokenizer, new LatexNormalizationFilter(tokenizer));
    }
}
