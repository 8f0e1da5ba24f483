package dev.spaces.search.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/** Chinese word segmentation (smartcn's hidden Markov model): sentences become words, not characters. */
@NamedComponent(SmartChineseTokenizerFactory.NAME)
public class SmartChineseTokenizerFactory implements TokenizerFactory {

    public static final String NAME = "spaces_smartcn";

    @Override
    public Tokenizer create() {
        return new HMMChineseTokenizer();
    }
}
