package dev.spaces.bench;

import dev.spaces.commons.markdown.HtmlPolicy;
import dev.spaces.commons.markdown.MarkdownPipeline;
import dev.spaces.commons.markdown.PipelineSettings;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One operation renders every chapter of the d2l-zh corpus once, as an article, on one caller thread (KaTeX checks
 * run on the pipeline's validator threads).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Dpolyglot.engine.WarnInterpreterOnly=false"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class CorpusBenchmark {

    @State(Scope.Benchmark)
    public static class Documents {
        Corpus corpus;

        @Setup(Level.Trial)
        public void load() {
            corpus = Corpus.load();
        }
    }

    /**
     * A new pipeline per iteration, so that its formula cache is empty and every formula goes through KaTeX, as for
     * newly written articles. KaTeX is loaded before the iteration's clock starts.
     */
    @State(Scope.Benchmark)
    public static class FreshPipeline {
        MarkdownPipeline pipeline;

        @Setup(Level.Iteration)
        public void open() {
            pipeline = new MarkdownPipeline(PipelineSettings.defaults());
            pipeline.render("$x$", HtmlPolicy.ARTICLE);
        }

        @TearDown(Level.Iteration)
        public void close() {
            pipeline.close();
        }
    }

    /** Markdown, math, sanitizing, excerpt and KaTeX validation of every formula. */
    @Benchmark
    public int renderAndValidate(Documents documents, FreshPipeline fresh) {
        int formulas = 0;
        for (String markdown : documents.corpus.documents()) {
            formulas += fresh.pipeline.render(markdown, HtmlPolicy.ARTICLE).formulas().size();
        }
        return formulas;
    }

    /** The same without validation: what the Markdown side costs. */
    @Benchmark
    public int renderOnly(Documents documents, FreshPipeline fresh) {
        int formulas = 0;
        for (String markdown : documents.corpus.documents()) {
            formulas += fresh.pipeline.render(markdown, HtmlPolicy.ARTICLE, false).formulas().size();
        }
        return formulas;
    }
}
