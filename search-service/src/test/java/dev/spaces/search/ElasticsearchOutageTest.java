package dev.spaces.search;

import dev.spaces.commons.testing.elasticsearch.ElasticsearchNode;
import dev.spaces.commons.testing.elasticsearch.ElasticsearchTestResource;
import dev.spaces.search.support.SearchTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Elasticsearch down: every search answers 503 problem+json fast and readiness is DOWN; once the node is back,
 * both recover. A killed node refuses connections: 503 within the 1 s. A frozen node accepts connections
 * and says nothing: the search timeout has to do it, so the bound is that timeout plus 0.3 s (1 s with
 * production's 0.7 s; the test profile allows a loaded CI box 1.5 s), until the circuit breaker opens and
 * answers at once. Runs after the classes that need a healthy node (see {@code quarkus.test.class-orderer}) and
 * leaves the node healthy.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE - 3)
class ElasticsearchOutageTest {

    /** The bound for a node that refuses connections (0.3 s connect timeout, then the open breaker). */
    private static final Duration REFUSED_BOUND = Duration.ofSeconds(1);
    /** What the service adds to its search timeout before answering: mapping the failure, the HTTP round trip. */
    private static final Duration OVERHEAD = Duration.ofMillis(300);
    private static final Duration RECOVERY = Duration.ofMinutes(4);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private List<URI> searches;

    @BeforeEach
    void warmUp() throws Exception {
        String base = "http://localhost:" + RestAssured.port;
        searches = List.of(
                URI.create(base + "/api/v1/search?q=" + encode("梯度下降")),
                URI.create(base + "/api/v1/search/formulas?latex=" + encode("\\frac{\\partial L}{\\partial w}")),
                URI.create(base + "/api/v1/search/suggest?q=" + encode("多层")));
        // connections and code paths warm (and any breaker left open by a slow cold query closed again), so the
        // timed requests below measure the outage handling only
        SearchTestSupport.await(RECOVERY, () -> searches.stream().allMatch(search -> statusOf(search) == 200));
    }

    @Test
    void killedNode() throws Exception {
        ElasticsearchNode node = ElasticsearchTestResource.node();
        node.kill();
        try {
            assertSearchesFailFast(REFUSED_BOUND);
            assertNotReady();
        } finally {
            node.restart();
        }
        assertRecovers();
    }

    @Test
    void frozenNode() throws Exception {
        ElasticsearchNode node = ElasticsearchTestResource.node();
        node.pause();
        try {
            assertSearchesFailFast(ConfigProvider.getConfig().getValue("spaces.search.timeouts.search", Duration.class).plus(OVERHEAD));
            assertNotReady();
        } finally {
            node.resume();
        }
        assertRecovers();
    }

    /** Each endpoint several times: the first calls hit the timeout, the later ones the open breaker. */
    private void assertSearchesFailFast(Duration bound) throws Exception {
        for (int round = 0; round < 3; round++) {
            for (URI search : searches) {
                long start = System.nanoTime();
                HttpResponse<String> response = send(search);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(response.statusCode()).as(search.getPath()).isEqualTo(503);
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                assertThat(response.body()).contains("\"status\":503").doesNotContain("Exception");
                assertThat(took).as("%s answered after %s", search.getPath(), took).isLessThan(bound);
            }
        }
    }

    private static void assertNotReady() {
        RestAssured.given().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'elasticsearch' }.status", equalTo("DOWN"));
    }

    private void assertRecovers() {
        SearchTestSupport.await(RECOVERY, () -> searches.stream().allMatch(search -> statusOf(search) == 200));
        SearchTestSupport.await(RECOVERY, () -> RestAssured.given().get("/q/health/ready").statusCode() == 200);
        RestAssured.given().get("/q/health/ready").then().body("status", equalTo("UP"));
    }

    private int statusOf(URI uri) {
        try {
            return send(uri).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> send(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
