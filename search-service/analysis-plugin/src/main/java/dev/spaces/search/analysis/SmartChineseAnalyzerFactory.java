package dev.spaces.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** smartcn segmentation plus its punctuation stop list, lower-casing and English stemming, for mixed prose. */
@NamedComponent(SmartChineseAnalyzerFactory.NAME)
public class SmartChineseAnalyzerFactory implements AnalyzerFactory {

    public static final String NAME = "spaces_smartcn";

    @Override
    public Analyzer create() {
        return new SmartChineseAnalyzer();
    }
}
