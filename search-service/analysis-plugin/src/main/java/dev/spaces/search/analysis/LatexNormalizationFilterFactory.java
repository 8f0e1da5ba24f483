package dev.spaces.search.analysis;

import dev.spaces.search.analysis.lucene.LatexNormalizationFilter;
import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** Drops presentation macros and unifies synonyms in the output of the {@value LatexTokenizerFactory#NAME} tokenizer. */
@NamedComponent(LatexNormalizationFilterFactory.NAME)
public class LatexNormalizationFilterFactory implements TokenFilterFactory {

    public static final String NAME = "spaces_latex_normalization";

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new LatexNormalizationFilter(tokenStream);
    }
}
