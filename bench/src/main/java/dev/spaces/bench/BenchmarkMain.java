package dev.spaces.bench;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * JMH's command line ({@code -f}, {@code -wi}, {@code -i}, a benchmark regex, ...), followed by the results as
 * documents per second and megabytes of Markdown per second.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions options = new CommandLineOptions(args);
        if (options.shouldHelp() || options.shouldList() || options.shouldListWithParams()
                || options.shouldListProfilers() || options.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        Collection<RunResult> results = new Runner(options).run();
        Corpus corpus = Corpus.load();
        System.out.printf("%nd2l-zh corpus: %d documents, %.2f MB of Markdown per pass%n",
                corpus.documents().size(), corpus.bytes() / 1e6);
        for (RunResult run : results) {
            Result<?> pass = run.getPrimaryResult();
            double seconds = pass.getScore() * secondsPer(run.getParams().getTimeUnit());
            System.out.printf("%-20s %8.3f s/pass  %8.1f documents/s  %6.2f MB/s%n",
                    run.getParams().getBenchmark().replaceAll(".*\\.", ""), seconds,
                    corpus.documents().size() / seconds, corpus.bytes() / 1e6 / seconds);
        }
    }

    private static double secondsPer(TimeUnit unit) {
        return unit.toNanos(1) / 1e9;
    }
}
