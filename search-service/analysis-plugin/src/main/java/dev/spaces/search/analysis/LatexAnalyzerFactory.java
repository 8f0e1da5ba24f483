package dev.spaces.search.analysis;

import dev.spaces.search.analysis.lucene.LatexAnalyzer;
import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Complete formula analysis, the same for documents and queries. */
@NamedComponent(LatexAnalyzerFactory.NAME)
public class LatexAnalyzerFactory implements AnalyzerFactory {

    public static final String NAME = "spaces_latex";

    @Override
    public Analyzer create() {
        return new LatexAnalyzer();
    }
}
