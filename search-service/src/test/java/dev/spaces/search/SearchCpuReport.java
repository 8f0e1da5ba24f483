package dev.spaces.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.testing.elasticsearch.ElasticsearchTestResource;
import dev.spaces.search.client.SearchDocument;
import dev.spaces.search.support.Corpus;
import dev.spaces.search.support.FakeContentService;
import dev.spaces.search.support.SearchTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CPU time per uncached search, by process, on a corpus the size bench/run searches (the d2l-zh chapters ten times
 * over, 1,400 articles): Elasticsearch's (its own {@code _nodes/stats} process CPU) and this JVM's (the service plus
 * the sequential HTTP client driving it). CPU time, unlike latency, barely moves when other work shares the machine,
 * so the figure compares mapping and query changes on a busy box. On demand (minutes): {@code -Dsearch-cpu-report=true}
 * with {@code -Dtest=SearchCpuReport}; writes target/search-cpu-report.txt.
 */
@QuarkusTest
@Order(1) // before the tests that take the node down
@EnabledIfSystemProperty(named = "search-cpu-report", matches = "true")
class SearchCpuReport {

    /** bench's SearchBench queries: Chinese, mixed, formulas. */
    private static final List<String> QUERIES = List.of(
            "变分自编码器", "梯度下降", "注意力机制", "卷积神经网络", "循环神经网络", "批量规范化", "残差网络",
            "词嵌入", "机器翻译", "目标检测", "语义分割", "优化算法", "学习率调度", "多层感知机", "权重衰减",
            "暂退法", "自注意力", "位置编码", "长短期记忆网络", "门控循环单元", "熵", "softmax回归", "线性回归",
            "微调", "锚框", "transformer", "BERT 预训练", "序列到序列", "束搜索", "随机梯度下降 动量",
            "$\\|x-y\\|^2$", "$\\frac{\\partial L}{\\partial w}$", "$\\mathrm{softmax}(x)_i$", "$\\sum_{i=1}^n x_i$",
            "$\\exp(x_i)$", "$\\mathbf{W}\\mathbf{x}+\\mathbf{b}$", "交叉熵 $-\\log \\hat{y}_j$",
            "$\\sigma(x) = \\frac{1}{1+\\exp(-x)}$", "学习率 $\\eta$", "$\\nabla f(\\mathbf{x})$");
    private static final int COPIES = Integer.getInteger("search-cpu-copies", 9);
    private static final long COPY_ID_BASE = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void reportsCpuPerUncachedSearchByProcess() throws Exception {
        List<Long> copies = new ArrayList<>();
        for (int copy = 1; copy <= COPIES; copy++) {
            for (SearchDocument d : Corpus.documents()) {
                long id = COPY_ID_BASE * copy + d.id();
                copies.add(id);
                FakeContentService.publish(new SearchDocument(id, 1, d.slug() + "-" + copy, d.title() + "（副本" + copy + "）",
                        d.text(), d.formulas(), d.excerpt(), d.category(), d.tags(), d.series(), d.author(),
                        d.publishedAt().plusSeconds(copy), d.updatedAt(), d.reads(), d.url() + "-" + copy));
            }
        }
        try {
            SearchTestSupport.reindex();
            URI base = URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port);
            int rounds = Integer.getInteger("search-cpu-rounds", 10);
            run(base, 3, false); // warm-up: JIT, caches of the node's segments (a cold node may still answer 503)
            forceGc();
            long esBefore = esCpuMillis();
            long[] esSearchBefore = esSearchMillis();
            long ownBefore = ownCpuNanos();
            int searches = run(base, rounds, true);
            long ownAfter = ownCpuNanos();
            long esAfter = esCpuMillis();
            long[] esSearchAfter = esSearchMillis();
            List<String> report = List.of(
                    String.format(Locale.ROOT, "%d uncached searches (%d queries × %d) over %d articles", searches,
                            QUERIES.size(), rounds, Corpus.documents().size() * (COPIES + 1)),
                    String.format(Locale.ROOT, "Elasticsearch CPU per search: %.2f ms", (esAfter - esBefore) / (double) searches),
                    String.format(Locale.ROOT, "  of its search time (wall, per shard): query %.2f ms, fetch %.2f ms",
                            (esSearchAfter[0] - esSearchBefore[0]) / (double) searches,
                            (esSearchAfter[1] - esSearchBefore[1]) / (double) searches),
                    String.format(Locale.ROOT, "search-service JVM (with the test's client) CPU per search: %.2f ms",
                            (ownAfter - ownBefore) / 1e6 / searches));
            report.forEach(System.out::println);
            Files.write(Path.of("target", "search-cpu-report.txt"), report);
            // for trying query variants by hand against the loaded node (its profile API, its CPU): keep it up a while
            int hold = Integer.getInteger("search-cpu-hold-seconds", 0);
            if (hold > 0) {
                System.out.println("Elasticsearch held at " + ElasticsearchTestResource.node().httpUrl() + " for " + hold + " s");
                Thread.sleep(hold * 1000L);
            }
        } finally {
            copies.forEach(FakeContentService::unpublish);
            SearchTestSupport.reindex();
        }
    }

    private int run(URI base, int rounds, boolean measured) throws IOException, InterruptedException {
        int count = 0;
        for (int round = 0; round < rounds; round++) {
            for (String q : QUERIES) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/search?size=10&q="
                        + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
                if (measured) {
                    assertThat(response.statusCode()).as("search %s", q).isEqualTo(200);
                }
                count++;
            }
        }
        return count;
    }

    private static void forceGc() {
        System.gc();
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private JsonNode nodeStats(String metric) throws IOException, InterruptedException {
        String url = ElasticsearchTestResource.node().httpUrl() + "/_nodes/_local/stats/" + metric;
        JsonNode nodes = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("nodes");
        return nodes.elements().next();
    }

    private long esCpuMillis() throws IOException, InterruptedException {
        return nodeStats("process").path("process").path("cpu").path("total_in_millis").asLong();
    }

    private long[] esSearchMillis() throws IOException, InterruptedException {
        JsonNode search = nodeStats("indices/search").path("indices").path("search");
        return new long[]{search.path("query_time_in_millis").asLong(), search.path("fetch_time_in_millis").asLong()};
    }
}
