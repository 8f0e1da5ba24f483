package dev.spaces.bench;

import dev.spaces.commons.markdown.HtmlPolicy;
import dev.spaces.commons.markdown.MarkdownPipeline;
import dev.spaces.commons.markdown.MathFormula;
import dev.spaces.commons.markdown.PipelineSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Server-side math (issue 18): every formula of the d2l-zh corpus rendered to MathML by KaTeX in the JVM.
 * <ul>
 *   <li>cold: a new pipeline with one KaTeX instance (one core) and no cache, its first pass over the corpus (KaTeX
 *   freshly loaded, the JavaScript not yet compiled);</li>
 *   <li>warm: the same pipeline's later passes (best and median);</li>
 *   <li>all cores: one KaTeX instance and one caller per core, warm, no cache;</li>
 *   <li>the longest chapter (most formulas) rendered in full — Markdown, MathML, sanitizing, excerpt — warm, without
 *   and with the formula cache;</li>
 *   <li>cache hits: the default cache, after one pass has filled it.</li>
 * </ul>
 * Prints a Markdown report (and writes it to the file given as the first argument).
 */
public final class MathBench {

    private static final int WARM_PASSES = 6;

    private MathBench() {
    }

    public static void main(String[] args) throws Exception {
        Corpus corpus = Corpus.load();
        int cores = Runtime.getRuntime().availableProcessors();
        List<MathFormula> formulas = new ArrayList<>();
        String longest = null;
        int longestCount = -1;
        try (MarkdownPipeline parser = new MarkdownPipeline(settings(1, 0))) {
            for (String markdown : corpus.documents()) {
                List<MathFormula> found = parser.render(markdown, HtmlPolicy.ARTICLE, false).formulas();
                formulas.addAll(found);
                if (found.size() > longestCount) {
                    longestCount = found.size();
                    longest = markdown;
                }
            }
        }
        StringBuilder report = new StringBuilder();
        line(report, "# Server-side MathML (KaTeX %s in GraalJS, JDK %s, %d cores)%n",
                katexVersion(), System.getProperty("java.version"), cores);
        line(report, "%nd2l-zh: %d documents, %d formulas (%d distinct by mode and TeX)%n%n", corpus.documents().size(),
                formulas.size(), formulas.stream().map(f -> f.mode() + f.tex()).distinct().count());
        line(report, "| measure | result |%n|---|---|%n");

        try (MarkdownPipeline single = new MarkdownPipeline(settings(1, 0))) {
            long loadStart = System.nanoTime();
            single.renderFormula("x", dev.spaces.commons.markdown.MathMode.INLINE);
            double load = seconds(System.nanoTime() - loadStart);
            line(report, "| KaTeX load (engine + first context, first formula) | %.2f s |%n", load);

            Pass cold = pass(single, formulas);
            line(report, "| cold, 1 core: first pass | %.0f formulas/s (%.2f s, %d errors) |%n", cold.rate(),
                    cold.seconds(), cold.errors());
            double[] warm = new double[WARM_PASSES];
            for (int i = 0; i < WARM_PASSES; i++) {
                warm[i] = pass(single, formulas).rate();
            }
            Arrays.sort(warm);
            line(report, "| warm, 1 core: passes 2–%d | best %.0f, median %.0f formulas/s |%n", WARM_PASSES + 1,
                    warm[WARM_PASSES - 1], warm[WARM_PASSES / 2]);

            line(report, "| longest chapter (%d formulas), full render, warm, no cache | median %.0f ms |%n",
                    longestCount, medianMillis(single, longest));
        }

        try (MarkdownPipeline parallel = new MarkdownPipeline(settings(cores, 0))) {
            parallelPass(parallel, formulas, cores); // loads a KaTeX per core and warms it
            double best = 0;
            for (int i = 0; i < 3; i++) {
                best = Math.max(best, parallelPass(parallel, formulas, cores));
            }
            line(report, "| warm, %d cores (one KaTeX each) | %.0f formulas/s, %.0f per core |%n", cores, best,
                    best / cores);
        }

        try (MarkdownPipeline cached = new MarkdownPipeline(settings(1,
                PipelineSettings.DEFAULT_FORMULA_CACHE_CHARACTERS))) {
            pass(cached, formulas);
            pass(cached, formulas);
            double best = 0;
            for (int i = 0; i < 5; i++) {
                best = Math.max(best, pass(cached, formulas).rate());
            }
            line(report, "| cache hits, 1 caller | %.0f formulas/s |%n", best);
            line(report, "| longest chapter, full render, formulas cached | median %.0f ms |%n",
                    medianMillis(cached, longest));
        }
        System.out.print(report);
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), report);
        }
    }

    /** The median of five full renders of the document. */
    private static double medianMillis(MarkdownPipeline pipeline, String markdown) {
        double[] millis = new double[5];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            pipeline.render(markdown, HtmlPolicy.ARTICLE);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[2];
    }

    private record Pass(double seconds, int errors, int count) {
        double rate() {
            return count / seconds;
        }
    }

    private static Pass pass(MarkdownPipeline pipeline, List<MathFormula> formulas) {
        int errors = 0;
        long start = System.nanoTime();
        for (MathFormula formula : formulas) {
            if (pipeline.renderFormula(formula.tex(), formula.mode()).mathml() == null) {
                errors++;
            }
        }
        return new Pass(seconds(System.nanoTime() - start), errors, formulas.size());
    }

    /** Formulas per second with one caller per KaTeX instance, the corpus dealt out round-robin. */
    private static double parallelPass(MarkdownPipeline pipeline, List<MathFormula> formulas, int callers)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int first = c;
                done.add(pool.submit(() -> {
                    for (int i = first; i < formulas.size(); i += callers) {
                        pipeline.renderFormula(formulas.get(i).tex(), formulas.get(i).mode());
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return formulas.size() / seconds(System.nanoTime() - start);
        } finally {
            pool.shutdown();
        }
    }

    private static PipelineSettings settings(int katexInstances, long cacheCharacters) {
        PipelineSettings defaults = PipelineSettings.defaults();
        return new PipelineSettings(defaults.excerptMaxChars(), Duration.ofSeconds(30), defaults.maxFormulaLength(),
                katexInstances, cacheCharacters);
    }

    private static String katexVersion() throws IOException {
        var properties = new java.util.Properties();
        try (var in = MathBench.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/katex/pom.properties")) {
            properties.load(in);
        }
        return properties.getProperty("version");
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void line(StringBuilder report, String format, Object... values) {
        report.append(String.format(Locale.ROOT, format, values));
    }
}
