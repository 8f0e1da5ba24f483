package dev.spaces.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * Overlapping character pairs of CJK runs (变分自编码器 → 变分 分自 自编 编码 码器): recall for words a segmenter
 * misses. Expects the {@code standard} tokenizer, whose token types mark ideographs.
 */
@NamedComponent(CjkBigramFilterFactory.NAME)
public class CjkBigramFilterFactory implements TokenFilterFactory {

    public static final String NAME = "spaces_cjk_bigram";

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new CJKBigramFilter(tokenStream);
    }
}
