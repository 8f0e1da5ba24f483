package dev.spaces.bench.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Search latency under load and publish→searchable latency, against a running stack ({@code ./spaces up}):
 * <ol>
 *     <li>grows the published set to {@code --articles} by importing copies of the d2l-zh chapters through the
 *     content API (the way an operator would) and waits until the search index holds all of them;</li>
 *     <li>runs {@code --clients} closed-loop clients for {@code --duration} over a mix of Chinese, mixed and formula
 *     queries (after a warm-up) and records every latency in an HdrHistogram;</li>
 *     <li>publishes {@code --publishes} fresh articles one by one and measures, for each, the time from the publish
 *     request to the first search that finds its unique word.</li>
 * </ol>
 * Prints a report and writes it to {@code --report}. Not a test: the numbers depend on the machine.
 */
public final class SearchBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> QUERIES = List.of(
            "变分自编码器", "梯度下降", "注意力机制", "卷积神经网络", "循环神经网络", "批量规范化", "残差网络",
            "词嵌入", "机器翻译", "目标检测", "语义分割", "优化算法", "学习率调度", "多层感知机", "权重衰减",
            "暂退法", "自注意力", "位置编码", "长短期记忆网络", "门控循环单元", "熵", "softmax回归", "线性回归",
            "微调", "锚框", "transformer", "BERT 预训练", "序列到序列", "束搜索", "随机梯度下降 动量",
            "$\\|x-y\\|^2$", "$\\frac{\\partial L}{\\partial w}$", "$\\mathrm{softmax}(x)_i$", "$\\sum_{i=1}^n x_i$",
            "$\\exp(x_i)$", "$\\mathbf{W}\\mathbf{x}+\\mathbf{b}$", "交叉熵 $-\\log \\hat{y}_j$",
            "$\\sigma(x) = \\frac{1}{1+\\exp(-x)}$", "学习率 $\\eta$", "$\\nabla f(\\mathbf{x})$");

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final StringBuilder report = new StringBuilder();
    /** The same figures, machine-readable (--json), for bench/run's report. */
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private String token;

    private SearchBench(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--list-queries")) { // bench/run sends the same queries through wrk
            QUERIES.forEach(System.out::println);
            return;
        }
        Map<String, String> options = new LinkedHashMap<>();
        String[] defaults = {"content", "http://localhost:8081", "search", "http://localhost:8083",
                "keycloak", "http://localhost:8180", "elasticsearch", "http://127.0.0.1:9200",
                "clients", "16", "warmup", "10", "duration", "30", "articles", "1400", "publishes", "50",
                "report", "bench/target/search-report.md", "json", "", "phases", "prepare,search,publish", "label", ""};
        for (int i = 0; i < defaults.length; i += 2) {
            options.put(defaults[i], defaults[i + 1]);
        }
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--") || !options.containsKey(args[i].substring(2))) {
                throw new IllegalArgumentException("Unknown option " + args[i] + "; options: " + options.keySet());
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        new SearchBench(options).run();
    }

    private void run() throws Exception {
        // bench/run calls the phases separately: the corpus is grown first (so every other benchmark sees it),
        // search is measured with the result cache on and off, publish→searchable once
        List<String> phases = List.of(options.get("phases").split(","));
        token = adminToken();
        long published = phases.contains("prepare") ? ensurePublished(Integer.parseInt(options.get("articles")))
                : publishedCount();
        awaitIndexed(published);
        figures.put("label", options.get("label"));
        figures.put("articles", published);
        line("# Search benchmark" + (options.get("label").isEmpty() ? "" : " (" + options.get("label") + ")"));
        line("");
        line("- published articles (and documents in the index): " + published);
        line("- machine: " + Runtime.getRuntime().availableProcessors() + " cores; JDK " + Runtime.version());
        line("- date: " + java.time.Instant.now());
        line("");
        if (phases.contains("search")) {
            searchUnderLoad();
        }
        if (phases.contains("publish") && Integer.parseInt(options.get("publishes")) > 0) {
            // the load phase may leave the search circuit open for a moment; publish→searchable measures indexing
            awaitSearchAnswers();
            publishToSearchable();
        }
        Path file = Path.of(options.get("report"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, report);
        System.out.println("Report written to " + file.toAbsolutePath());
        if (!options.get("json").isEmpty()) {
            Files.writeString(Path.of(options.get("json")), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(figures));
        }
    }

    // --- corpus ----------------------------------------------------------------------------------------------

    /** Imports numbered copies of the d2l-zh chapters until at least {@code target} articles are published. */
    private long ensurePublished(int target) throws IOException, InterruptedException {
        long published = publishedCount();
        List<Path> chapters = chapters();
        int copy = 1;
        while (published < target) {
            List<Map<String, Object>> bundle = new ArrayList<>();
            for (Path chapter : chapters) {
                String markdown = Files.readString(chapter);
                String title = title(markdown, chapter) + "（副本" + copy + "）";
                bundle.add(Map.of("key", "bench-copy-" + copy + ":" + chapter.getParent().getFileName() + "/" + chapter.getFileName(),
                        "title", title.length() > 200 ? title.substring(0, 200) : title,
                        "publishedOn", LocalDate.of(2019, 1, 1).plusDays(copy * 150L + bundle.size()).toString(),
                        "author", "bench", "excerptMarkdown", "", "markdown", markdown,
                        "tags", List.of("bench", "d2l")));
                if (bundle.size() == 20) {
                    importBundle(bundle);
                    bundle.clear();
                }
            }
            if (!bundle.isEmpty()) {
                importBundle(bundle);
            }
            copy++;
            published = publishedCount();
            System.out.printf("published articles: %d%n", published);
        }
        return published;
    }

    private void importBundle(List<Map<String, Object>> bundle) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("content", "/api/v1/import"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(bundle))).build());
        expect(response, 200, "import");
    }

    private long publishedCount() throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("content", "/api/v1/articles?size=1")).build());
        expect(response, 200, "article list");
        return JSON.readTree(response.body()).path("total").asLong();
    }

    /** The index converges through events (and reconcile); a benchmark on a half-built index would flatter it. */
    private void awaitIndexed(long published) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
        long indexed = -1;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(
                    uri("elasticsearch", "/articles/_count")).build());
            indexed = response.statusCode() == 200 ? JSON.readTree(response.body()).path("count").asLong() : -1;
            if (indexed >= published) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("The index holds " + indexed + " of " + published + " articles after 15 min");
    }

    // --- search under load -----------------------------------------------------------------------------------

    private void searchUnderLoad() throws InterruptedException {
        int clients = Integer.parseInt(options.get("clients"));
        Recorder recorder = new Recorder(TimeUnit.SECONDS.toNanos(10), 3);
        AtomicLong errors = new AtomicLong();
        Map<Integer, LongAdder> failures = new ConcurrentSkipListMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<URI> uris = QUERIES.stream()
                .map(q -> uri("search", "/api/v1/search?size=10&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                int offset = c * 7;
                pool.submit(() -> {
                    for (int i = offset; !stop.get(); i++) {
                        HttpRequest request = HttpRequest.newBuilder(uris.get(i % uris.size()))
                                .timeout(Duration.ofSeconds(10)).build();
                        long started = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            recorder.recordValue(Math.min(System.nanoTime() - started, TimeUnit.SECONDS.toNanos(10)));
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                                failures.computeIfAbsent(response.statusCode(), k -> new LongAdder()).increment();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(Long.parseLong(options.get("warmup"))));
            recorder.getIntervalHistogram(); // drop the warm-up
            long errorsBefore = errors.get();
            double[] cacheBefore = cacheCounts();
            long seconds = Long.parseLong(options.get("duration"));
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            Histogram histogram = recorder.getIntervalHistogram();
            double[] cacheAfter = cacheCounts();
            long failed = errors.get() - errorsBefore;
            stop.set(true);
            line("## Search under load");
            line("");
            line(String.format("%d closed-loop clients, %d s after a %s s warm-up, %d queries (Chinese, mixed, formulas)",
                    clients, seconds, options.get("warmup"), QUERIES.size()));
            line("");
            line("| requests | throughput | p50 | p90 | p99 | p99.9 | max | non-200 |");
            line("|---|---|---|---|---|---|---|---|");
            line(String.format("| %d | %.0f req/s | %s | %s | %s | %s | %s | %d |", histogram.getTotalCount(),
                    histogram.getTotalCount() / (double) seconds, ms(histogram.getValueAtPercentile(50)),
                    ms(histogram.getValueAtPercentile(90)), ms(histogram.getValueAtPercentile(99)),
                    ms(histogram.getValueAtPercentile(99.9)), ms(histogram.getMaxValue()), failed));
            line("");
            if (failed > 0) {
                // fast error answers would flatter the percentiles: say what they were (warm-up included)
                line("Non-200 answers by status (whole run): " + failures);
                line("");
            }
            double hits = cacheAfter[0] - cacheBefore[0];
            double misses = cacheAfter[1] - cacheBefore[1];
            figures.put("search", histogramFigures(histogram, seconds, failed, Map.of(
                    "clients", clients, "queries", QUERIES.size(), "failures", Map.copyOf(failures),
                    "cacheHits", hits + misses == 0 ? 0 : (long) hits, "cacheRequests", (long) (hits + misses))));
            line(hits + misses == 0 ? "Result cache: off (no cache requests counted)"
                    : String.format("Result cache: %.0f of %.0f searches answered from it (%.1f %%), %.0f went to Elasticsearch",
                    hits, hits + misses, 100 * hits / (hits + misses), misses));
            line("");
            line("Target: p99 ≤ 30 ms → " + (failed == 0
                    && histogram.getValueAtPercentile(99) <= TimeUnit.MILLISECONDS.toNanos(30) ? "met" : "NOT met"));
            line("");
        }
    }

    private void awaitSearchAnswers() throws IOException, InterruptedException {
        URI probe = uri("search", "/api/v1/search?size=1&q=" + URLEncoder.encode(QUERIES.getFirst(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (send(HttpRequest.newBuilder(probe).build()).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("search did not answer 200 within 60 s after the load phase");
            }
            Thread.sleep(200);
        }
    }

    /** The search-service's result cache counters {hits, misses} from its Prometheus endpoint (0 when absent). */
    private double[] cacheCounts() {
        double[] counts = new double[2];
        try {
            String metrics = send(HttpRequest.newBuilder(uri("search", "/q/metrics")).build()).body();
            for (String line : metrics.split("\n")) {
                if (line.startsWith("spaces_search_cache_requests_total{")) {
                    double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    counts[line.contains("result=\"hit\"") ? 0 : 1] += value;
                }
            }
        } catch (IOException | RuntimeException e) {
            line("(could not read the search-service metrics: " + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return counts;
    }

    // --- publish → searchable --------------------------------------------------------------------------------

    private void publishToSearchable() throws IOException, InterruptedException {
        int publishes = Integer.parseInt(options.get("publishes"));
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        int missed = 0;
        for (int i = 0; i < publishes; i++) {
            String word = nonce();
            String markdown = "基准测试文章 " + word + "。\n\n设 $\\|x-y\\|^2$ 为距离的平方，" + word + " 只出现在这里。";
            HttpResponse<String> created = send(HttpRequest.newBuilder(uri("content", "/api/v1/articles"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                            "title", "发布延迟测试 " + word, "markdown", markdown, "tags", List.of("bench"))))).build());
            expect(created, 201, "create");
            long id = JSON.readTree(created.body()).path("id").asLong();
            URI search = uri("search", "/api/v1/search?size=1&q=" + word);
            long started = System.nanoTime();
            HttpResponse<String> publish = send(HttpRequest.newBuilder(uri("content", "/api/v1/articles/" + id + "/publish"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            expect(publish, 200, "publish");
            long deadline = started + TimeUnit.SECONDS.toNanos(30);
            boolean found = false;
            while (!found && System.nanoTime() < deadline) {
                HttpResponse<String> hits = send(HttpRequest.newBuilder(search).build());
                found = hits.statusCode() == 200 && JSON.readTree(hits.body()).path("total").asLong() > 0;
                if (!found) {
                    Thread.sleep(5);
                }
            }
            if (found) {
                histogram.recordValue(System.nanoTime() - started);
            } else {
                missed++;
            }
            // leave the index as it was: the benchmark's articles are archived again (and leave the index)
            send(HttpRequest.newBuilder(uri("content", "/api/v1/articles/" + id + "/unpublish"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build());
        }
        line("## Publish → searchable");
        line("");
        line(publishes + " articles published one at a time; time from the publish request to the first search "
                + "(polled every 5 ms) that finds the article's unique word");
        line("");
        line("| publishes | p50 | p90 | p99 | max | not found within 30 s |");
        line("|---|---|---|---|---|---|");
        line(String.format("| %d | %s | %s | %s | %s | %d |", publishes, ms(histogram.getValueAtPercentile(50)),
                ms(histogram.getValueAtPercentile(90)), ms(histogram.getValueAtPercentile(99)),
                ms(histogram.getMaxValue()), missed));
        line("");
        figures.put("publish", histogramFigures(histogram, 0, missed, Map.of("publishes", publishes)));
        line("Target: p99 ≤ 1 s → " + (missed == 0 && histogram.getValueAtPercentile(99) <= TimeUnit.SECONDS.toNanos(1)
                ? "met" : "NOT met"));
    }

    // --- plumbing --------------------------------------------------------------------------------------------

    private String adminToken() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=spaces-cli&username=admin&password=admin";
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        uri("keycloak", "/realms/spaces/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        expect(response, 200, "token");
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static List<Path> chapters() throws IOException {
        Path root = Path.of(System.getProperty("spaces.shared.dir", "../shared"), "corpus", "d2l-zh");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
    }

    private static String title(String markdown, Path chapter) {
        return markdown.lines().filter(l -> l.startsWith("# ")).findFirst().map(l -> l.substring(2).strip())
                .orElse(chapter.getFileName().toString().replace(".md", ""));
    }

    /** A Latin word no article contains, so exactly the new article matches. */
    private static String nonce() {
        StringBuilder word = new StringBuilder("bench");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private URI uri(String service, String path) {
        return URI.create(options.get(service) + path);
    }

    private static Map<String, Object> histogramFigures(Histogram histogram, long seconds, long failed,
                                                        Map<String, Object> extra) {
        Map<String, Object> result = new LinkedHashMap<>(extra);
        result.put("requests", histogram.getTotalCount());
        if (seconds > 0) {
            result.put("rps", histogram.getTotalCount() / (double) seconds);
        }
        for (double percentile : new double[] {50, 90, 99, 99.9}) {
            result.put("p" + (percentile == 99.9 ? "999" : String.valueOf((int) percentile)) + "_ms",
                    histogram.getValueAtPercentile(percentile) / 1e6);
        }
        result.put("max_ms", histogram.getMaxValue() / 1e6);
        result.put("failed", failed);
        return result;
    }

    private static String ms(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }

    private void line(String text) {
        System.out.println(text);
        report.append(text).append('\n');
    }
}
