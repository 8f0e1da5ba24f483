package dev.spaces.search.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/** Splits on whitespace only; the distribution has no analysis-common module to provide one. */
@NamedComponent(WhitespaceTokenizerFactory.NAME)
public class WhitespaceTokenizerFactory implements TokenizerFactory {

    public static final String NAME = "spaces_whitespace";

    @Override
    public Tokenizer create() {
        return new WhitespaceTokenizer();
    }
}
