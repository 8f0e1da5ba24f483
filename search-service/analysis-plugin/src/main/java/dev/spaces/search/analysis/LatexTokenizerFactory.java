package dev.spaces.search.analysis;

import dev.spaces.search.analysis.lucene.LatexTokenizer;
import org.apache.lucene.analysis.Tokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/** Raw TeX tokens; follow with {@value LatexNormalizationFilterFactory#NAME} (or use the {@value LatexAnalyzerFactory#NAME} analyzer). */
@NamedComponent(LatexTokenizerFactory.NAME)
public class LatexTokenizerFactory implements TokenizerFactory {

    public static final String NAME = "spaces_latex";

    @Override
    public Tokenizer create() {
        return new LatexTokenizer();
    }
}
