package dev.spaces.e2e;

import dev.spaces.e2e.support.Api;
import dev.spaces.e2e.support.Articles;
import dev.spaces.e2e.support.Poll;
import dev.spaces.e2e.support.Stack;
import dev.spaces.e2e.support.StackExtension;
import dev.spaces.e2e.support.WebhookReceiver;
import dev.spaces.e2e.support.Webhooks;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 5: Elasticsearch stops (search answers 503, publishing goes on) and comes back (the article published
 * meanwhile becomes searchable by itself); a webhook receiver goes away (deliveries are retried) and comes back
 * (everything arrives); a crashed component is reported by {@code ./spaces status} and started again.
 */
@Order(6)
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultsIT {

    private final Stack stack;
    private final Api api;
    private WebhookReceiver receiver;
    private Webhooks.Subscription subscription;
    private final String wordDuringOutage = Articles.uniqueWord();
    private long publishedDuringOutage;

    FaultsIT(Stack stack, Api api) {
        this.stack = stack;
        this.api = api;
    }

    @BeforeAll
    void subscribe() throws IOException {
        receiver = new WebhookReceiver();
        subscription = Webhooks.subscribe(api, receiver.url(), List.of("article.published", "article.updated"),
                "e2e faults");
    }

    @AfterAll
    void cleanUp() throws IOException {
        receiver.start();
        Webhooks.unsubscribe(api, subscription);
        receiver.close();
    }

    @Test
    @Order(1)
    void withElasticsearchStoppedSearchIs503AndPublishingWorks() {
        stack.stop("elasticsearch");
        Stack.Result status = stack.status();
        assertThat(status.exitCode()).as("status reports the stack is not all healthy").isEqualTo(1);
        assertThat(line(status.output(), "elasticsearch")).contains("stopped");

        Response search = Poll.until("search answering 503", Duration.ofSeconds(30), Duration.ofMillis(500),
                () -> api.as("author").queryParam("q", "梯度下降").get("/api/v1/search"),
                r -> r.statusCode() == 503).value();
        assertThat(search.contentType()).startsWith("application/problem+json");
        assertThat(search.jsonPath().getInt("status")).isEqualTo(503);
        assertThat(search.jsonPath().getString("title")).isNotBlank();
        assertThat(search.asString()).doesNotContain("Exception").doesNotContain("at dev.spaces");
        Response formulas = api.as("author").queryParam("latex", "x^2").get("/api/v1/search/formulas");
        assertThat(formulas.statusCode()).isEqualTo(503);
        assertThat(formulas.contentType()).startsWith("application/problem+json");

        publishedDuringOutage = Articles.publishNew(api, "author", wordDuringOutage + ":检索宕机时发表",
                "Elasticsearch 停机时发表的文章,公式 $\\int_0^\\infty e^{-x^2}\\,dx = \\frac{\\sqrt\\pi}{2}$。",
                List.of("端到端测试"));
        Response article = api.anonymous().get("/api/v1/articles/{id}", publishedDuringOutage);
        assertThat(article.statusCode()).isEqualTo(200);
        assertThat(article.jsonPath().getString("status")).isEqualTo("published");
        Poll.until("the article in the anonymous list while search is down", Duration.ofSeconds(15),
                Duration.ofMillis(300), () -> api.anonymous().get("/api/v1/articles?size=5"),
                r -> r.jsonPath().getList("items.id", Long.class).contains(publishedDuringOutage));
    }

    @Test
    @Order(2)
    void afterElasticsearchReturnsTheArticleBecomesSearchableByItself() {
        stack.start("elasticsearch");
        var found = Poll.until("the article published during the outage in search results", Duration.ofMinutes(3),
                Duration.ofSeconds(1), () -> api.as("author").queryParam("q", wordDuringOutage).get("/api/v1/search"),
                r -> r.statusCode() == 200 && r.jsonPath().getList("hits.id", Long.class).contains(publishedDuringOutage));
        System.out.printf("[e2e] searchable %d ms after Elasticsearch was healthy again%n", found.elapsed().toMillis());
        assertThat(stack.status().exitCode()).as("all healthy again").isEqualTo(0);
    }

    @Test
    @Order(3)
    void deliveriesToAnUnavailableReceiverAreRetriedUntilTheyArrive() throws IOException {
        receiver.stop();
        long first = Articles.publishNew(api, "author", Articles.uniqueWord() + ":接收方宕机一",
                "接收方停机时发表 $a_n \\to 0$。", List.of());
        long second = Articles.publishNew(api, "author", Articles.uniqueWord() + ":接收方宕机二",
                "接收方停机时发表 $b_n \\to \\infty$。", List.of());
        Response current = api.as("author").get("/api/v1/articles/{id}", first);
        Map<String, Object> update = Map.of("title", current.jsonPath().getString("title") + "(修订)",
                "markdown", current.jsonPath().getString("markdown") + "\n\n修订:补充 $c$。");
        Response updated = api.json(api.as("author"), update).header("If-Match", current.header("ETag"))
                .put("/api/v1/articles/{id}", first);
        assertThat(updated.statusCode()).isEqualTo(200);

        // the receiver refuses connections: the head of its queue has failed and waits for its retry, the rest
        // waits behind it (order is kept; a dead receiver is not hammered)
        var failing = Poll.until("a failed attempt in the delivery log", Duration.ofSeconds(60),
                Duration.ofMillis(500), this::deliveryLog, log -> !failed(log).isEmpty() && pending(log).size() >= 3);
        assertThat(failed(failing.value())).allSatisfy(d -> {
            assertThat(d.get("lastError") != null || d.get("lastResponseCode") != null).isTrue();
            assertThat(d.get("nextAttemptAt")).isNotNull();
        });
        assertThat(Webhooks.about(receiver, "article.published", first)).isEmpty();
        assertThat(Webhooks.about(receiver, "article.published", second)).isEmpty();

        receiver.start();
        var arrived = Poll.until("every retried delivery at the receiver", Duration.ofMinutes(2), Duration.ofMillis(250),
                () -> Webhooks.about(receiver, "article.published", first).size()
                        + Webhooks.about(receiver, "article.published", second).size()
                        + Webhooks.about(receiver, "article.updated", first).size(),
                n -> !Webhooks.about(receiver, "article.published", first).isEmpty()
                        && !Webhooks.about(receiver, "article.published", second).isEmpty()
                        && !Webhooks.about(receiver, "article.updated", first).isEmpty());
        System.out.printf("[e2e] retried deliveries arrived %d ms after the receiver came back%n",
                arrived.elapsed().toMillis());
        assertThat(receiver.deliveries()).allSatisfy(d ->
                assertThat(Webhooks.verify(subscription, d)).as("signature of %s", d.id()).isNull());

        // a retry is the same message: its webhook-id is the one the delivery log shows, and it is marked delivered
        Response log = Poll.until("the delivery log showing the retried deliveries delivered", Duration.ofSeconds(30),
                Duration.ofMillis(500), this::deliveryLog, r -> pending(r).isEmpty()).value();
        List<String> retried = log.jsonPath()
                .getList("items.findAll { it.status == 'delivered' && it.attempts >= 2 }.messageId", String.class);
        assertThat(retried).isNotEmpty();
        Set<String> receivedIds = receiver.deliveries().stream().map(WebhookReceiver.Delivery::id)
                .collect(Collectors.toSet());
        assertThat(receivedIds).containsAll(retried);
        // published of the first article before its update: order per subscriber is kept
        List<String> types = receiver.deliveries().stream().filter(d -> Webhooks.body(d).path("data").path("id")
                .asLong() == first).map(d -> Webhooks.body(d).path("type").asText()).distinct().toList();
        assertThat(types).containsExactly("article.published", "article.updated");
    }

    @Test
    @Order(4)
    void aCrashedComponentIsReportedAndStartsAgain() throws IOException {
        long pid = Long.parseLong(Files.readString(stack.home().resolve("run/comment-service.pid")).strip());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        Stack.Result status = Poll.until("./spaces status reporting the crash", Duration.ofSeconds(30),
                Duration.ofMillis(500), stack::status, s -> line(s.output(), "comment-service").contains("crashed"))
                .value();
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(line(status.output(), "comment-service")).contains("./spaces logs comment-service");

        Response degraded = api.anonymous().get("/api/v1/articles/{id}/comments", publishedDuringOutage);
        assertThat(degraded.statusCode()).isEqualTo(503);
        assertThat(degraded.contentType()).startsWith("application/problem+json");

        stack.start("comment-service");
        assertThat(stack.status().exitCode()).isEqualTo(0);
        Poll.until("comments answering through the gateway again", Duration.ofSeconds(60), Duration.ofSeconds(1),
                () -> api.anonymous().get("/api/v1/articles/{id}/comments", publishedDuringOutage),
                r -> r.statusCode() == 200);
    }

    private Response deliveryLog() {
        return api.as("admin").get("/api/v1/webhooks/{id}/deliveries?size=50", subscription.id());
    }

    private static List<Map<String, Object>> failed(Response log) {
        return log.jsonPath().getList("items.findAll { it.status == 'pending' && it.attempts >= 1 }");
    }

    private static List<Map<String, Object>> pending(Response log) {
        return log.jsonPath().getList("items.findAll { it.status == 'pending' }");
    }

    private static String line(String output, String component) {
        return output.lines().filter(l -> l.startsWith(component + " ")).findFirst().orElse("");
    }
}
