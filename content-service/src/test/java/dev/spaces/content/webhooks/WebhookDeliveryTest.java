package dev.spaces.content.webhooks;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.spaces.commons.outbox.WakeupLoop;
import dev.spaces.commons.webhooks.StandardWebhooks;
import dev.spaces.content.webhook.WebhookConfig;
import dev.spaces.content.webhook.delivery.DeliveryDispatcher;
import dev.spaces.content.webhook.delivery.DeliveryLedger;
import dev.spaces.content.webhook.delivery.WebhookSender;
import dev.spaces.content.webhooks.WebhookFixtures.Received;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.spaces.content.TestSupport.admin;
import static dev.spaces.content.TestSupport.unique;
import static dev.spaces.content.webhooks.WebhookFixtures.RECEIVER;
import static dev.spaces.content.webhooks.WebhookFixtures.deliveries;
import static dev.spaces.content.webhooks.WebhookFixtures.publishArticle;
import static dev.spaces.content.webhooks.WebhookFixtures.received;
import static dev.spaces.content.webhooks.WebhookFixtures.signatureValid;
import static dev.spaces.content.webhooks.WebhookFixtures.startReceiver;
import static dev.spaces.content.webhooks.WebhookFixtures.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Deliveries end to end against a real receiver (WireMock on loopback) and the real relay: signatures, retries,
 * dead letters, 410, redelivery, secret rotation, inbound internal events, and two dispatchers side by side.
 */
@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Inject
    DeliveryLedger ledger;
    @Inject
    WebhookConfig config;
    @Inject
    WebhookSender sender;
    @Inject
    AgroalDataSource dataSource;

    private final List<Long> created = new ArrayList<>();

    @BeforeEach
    void receiver() {
        startReceiver();
    }

    @AfterEach
    void cleanUp() {
        created.forEach(id -> admin().delete("/api/v1/webhooks/" + id));
    }

    private JsonPath subscription(String path, String... events) {
        JsonPath s = subscribe(path, events);
        created.add(s.getLong("id"));
        return s;
    }

    /** Received requests for path whose body is the event of the article. */
    private static List<Received> forArticle(String path, String type, long articleId) {
        return received(path).stream().filter(r -> r.json().getString("type").equals(type)
                && r.json().getLong("data.id") == articleId).toList();
    }

    @Test
    void publishingDeliversASignedStandardWebhook() {
        RECEIVER.stubFor(post(urlEqualTo("/signed")).willReturn(ok()));
        JsonPath s = subscription("/signed", "article.published", "article.updated");
        String secret = s.getString("secret");
        String title = unique("签名");
        long articleId = publishArticle(title);

        await().atMost(DEADLINE).until(() -> !forArticle("/signed", "article.published", articleId).isEmpty());
        Received r = forArticle("/signed", "article.published", articleId).getFirst();
        assertThat(signatureValid(secret, r)).isTrue();
        assertThat(signatureValid(StandardWebhooks.newSecret(), r)).isFalse();
        assertThat(r.id()).startsWith("msg_");
        assertThat(Math.abs(Long.parseLong(r.timestamp()) - Instant.now().getEpochSecond())).isLessThan(60);
        assertThat(r.signature()).startsWith("v1,").doesNotContain(" ");
        JsonPath body = r.json();
        assertThat(body.getMap("")).containsOnlyKeys("type", "timestamp", "data");
        assertThat(Instant.parse(body.getString("timestamp"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(body.getInt("data.schemaVersion")).isEqualTo(1);
        assertThat(body.getString("data.title")).isEqualTo(title);
        assertThat(body.getString("data.status")).isEqualTo("PUBLISHED");
        var headers = RECEIVER.getAllServeEvents().stream().filter(e -> r.id().equals(e.getRequest().getHeader("webhook-id")))
                .findFirst().orElseThrow().getRequest();
        assertThat(headers.getHeader("Content-Type")).startsWith("application/json");

        await().atMost(DEADLINE).untilAsserted(() -> {
            Map<String, Object> d = deliveries(s.getLong("id"), "delivered").stream()
                    .filter(x -> r.id().equals(x.get("messageId"))).findFirst().orElseThrow();
            assertThat(d).containsEntry("type", "article.published").containsEntry("attempts", 1)
                    .containsEntry("lastResponseCode", 200).containsKey("lastDurationMs").containsKey("deliveredAt")
                    .doesNotContainKey("nextAttemptAt");
        });
        // a subscription that did not ask for article.published got nothing
        assertThat(received("/not-subscribed")).isEmpty();

        // measured, not asserted: event time (commit of the publish) to arrival at the receiver
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long next = publishArticle(unique("延迟 " + i));
            await().atMost(DEADLINE).until(() -> !forArticle("/signed", "article.published", next).isEmpty());
            Received got = forArticle("/signed", "article.published", next).getFirst();
            latencies.add(Duration.between(Instant.parse(got.json().getString("timestamp")), got.receivedAt()).toMillis());
        }
        org.jboss.logging.Logger.getLogger(getClass()).infof("publish → webhook received, ms: %s",
                latencies.stream().sorted().toList());
    }

    @Test
    void receiverDownThenUpGetsEveryEventOnceAndInOrder() {
        String path = "/flaky";
        RECEIVER.stubFor(post(urlEqualTo(path)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("down-2"));
        RECEIVER.stubFor(post(urlEqualTo(path)).inScenario("flaky").whenScenarioStateIs("down-2")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("down-3"));
        RECEIVER.stubFor(post(urlEqualTo(path)).inScenario("flaky").whenScenarioStateIs("down-3")
                .willReturn(aResponse().withFixedDelay(2500).withStatus(200)).willSetStateTo("up")); // times out (2 s)
        RECEIVER.stubFor(post(urlEqualTo(path)).inScenario("flaky").whenScenarioStateIs("up").willReturn(ok()));
        JsonPath s = subscription(path, "article.published");

        List<Long> articles = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            articles.add(publishArticle(unique("断线重连 " + i)));
        }
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(deliveries(s.getLong("id"), "delivered"))
                .hasSize(articles.size()));

        List<Received> all = received(path);
        List<Received> acknowledged = all.stream().filter(r -> r.status() == 200).toList();
        // at least once: the attempt that timed out on our side was still answered 200 by the receiver, so it saw
        // that message twice — with the same webhook-id. Deduplicated by webhook-id, every event arrived once.
        Map<String, Set<Long>> articlesById = acknowledged.stream().collect(Collectors.groupingBy(Received::id,
                Collectors.mapping(r -> r.json().getLong("data.id"), Collectors.toSet())));
        assertThat(articlesById).hasSize(articles.size());
        assertThat(articlesById.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        assertThat(articlesById.values().stream().flatMap(Set::stream).toList())
                .containsExactlyInAnyOrderElementsOf(articles);
        // the outage was retried with the same webhook-id while the rest of the queue waited: publish order is kept
        String first = all.getFirst().id();
        assertThat(all.stream().limit(3).map(Received::id)).containsOnly(first);
        assertThat(acknowledged.stream().map(r -> r.json().getLong("data.id")).distinct().toList()).isEqualTo(articles);
        Map<String, Object> retried = deliveries(s.getLong("id"), "delivered").stream()
                .filter(d -> first.equals(d.get("messageId"))).findFirst().orElseThrow();
        assertThat((Integer) retried.get("attempts")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void goneDisablesTheSubscription() {
        RECEIVER.stubFor(post(urlEqualTo("/gone")).willReturn(aResponse().withStatus(410)));
        JsonPath s = subscription("/gone", "article.published");
        long id = s.getLong("id");
        publishArticle(unique("410"));
        await().atMost(DEADLINE).untilAsserted(() -> admin().get("/api/v1/webhooks/" + id).then()
                .body("active", equalTo(false)).body("disabledReason", org.hamcrest.Matchers.containsString("410")));
        assertThat(deliveries(id, "failed")).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("lastResponseCode", 410).containsEntry("lastError", "the receiver answered 410 Gone"));
        int before = received("/gone").size();
        publishArticle(unique("410 again"));
        admin().post("/api/v1/webhooks/" + id + "/ping").then().statusCode(409);
        assertThat(deliveries(id, null)).hasSize(1); // inactive subscriptions get no new deliveries
        assertThat(received("/gone")).hasSize(before);
    }

    @Test
    void exhaustedRetriesDeadLetterAndRedeliverReusesTheMessageId() {
        RECEIVER.stubFor(post(urlEqualTo("/broken")).willReturn(aResponse().withStatus(500)));
        JsonPath s = subscription("/broken", "article.published");
        long id = s.getLong("id");
        long articleId = publishArticle(unique("死信"));
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(deliveries(id, "failed")).hasSize(1));
        Map<String, Object> failed = deliveries(id, "failed").getFirst();
        assertThat(failed).containsEntry("attempts", config.retrySchedule().size() + 1)
                .containsEntry("lastResponseCode", 500).doesNotContainKey("nextAttemptAt");
        List<Received> attempts = forArticle("/broken", "article.published", articleId);
        assertThat(attempts).hasSize(config.retrySchedule().size() + 1);
        assertThat(attempts.stream().map(Received::id).distinct()).containsExactly((String) failed.get("messageId"));

        RECEIVER.stubFor(post(urlEqualTo("/broken")).willReturn(ok()));
        long deliveryId = ((Number) failed.get("id")).longValue();
        admin().post("/api/v1/webhooks/" + id + "/deliveries/" + deliveryId + "/redeliver").then().statusCode(202)
                .body("status", equalTo("pending"));
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(deliveries(id, "delivered")).hasSize(1));
        assertThat(received("/broken").getLast().id()).isEqualTo(failed.get("messageId"));
        assertThat(received("/broken").getLast().status()).isEqualTo(200);
        admin().post("/api/v1/webhooks/" + id + "/deliveries/" + deliveryId + "/redeliver").then().statusCode(202);
        await().atMost(DEADLINE).until(() -> received("/broken").stream().filter(r -> r.status() == 200).count() == 2);
    }

    @Test
    void rotatedSecretsSignWithBothDuringTheGracePeriod() {
        RECEIVER.stubFor(post(urlEqualTo("/rotate")).willReturn(ok()));
        JsonPath s = subscription("/rotate", "article.updated");
        long id = s.getLong("id");
        String oldSecret = s.getString("secret");
        String newSecret = admin().post("/api/v1/webhooks/" + id + "/rotate-secret").then().statusCode(200)
                .extract().jsonPath().getString("secret");

        admin().post("/api/v1/webhooks/" + id + "/ping").then().statusCode(202).body("type", equalTo("webhook.ping"))
                .body("status", equalTo("pending"));
        await().atMost(DEADLINE).until(() -> !received("/rotate").isEmpty());
        Received ping = received("/rotate").getFirst();
        assertThat(ping.json().getString("type")).isEqualTo("webhook.ping");
        assertThat(ping.json().getLong("data.subscriptionId")).isEqualTo(id);
        assertThat(ping.signature().split(" ")).hasSize(2);
        assertThat(signatureValid(newSecret, ping)).isTrue();
        assertThat(signatureValid(oldSecret, ping)).isTrue();

        // once the grace period is over, only the new secret signs
        expirePreviousSecret(id);
        admin().post("/api/v1/webhooks/" + id + "/ping").then().statusCode(202);
        await().atMost(DEADLINE).until(() -> received("/rotate").size() == 2);
        Received later = received("/rotate").getLast();
        assertThat(later.signature().split(" ")).hasSize(1);
        assertThat(signatureValid(newSecret, later)).isTrue();
        assertThat(signatureValid(oldSecret, later)).isFalse();
    }

    @Test
    void targetsAreCheckedAgainAtDeliveryTime() throws Exception {
        // as if DNS now answered with a private address for a URL that was public when it was subscribed
        long id = insertSubscriptionDirectly("http://10.66.77.88:8080/rebound");
        created.add(id);
        publishArticle(unique("重绑定"));
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(deliveries(id, null)).isNotEmpty()
                .allSatisfy(d -> assertThat((String) d.get("lastError")).startsWith("refused:").contains("10.66.77.88")));
        assertThat(deliveries(id, "delivered")).isEmpty();
    }

    @Test
    void internalEventsAreVerifiedDeduplicatedAndRelayed() {
        RECEIVER.stubFor(post(urlEqualTo("/comments")).willReturn(ok()));
        subscription("/comments", "comment.created", "member.created");
        String secret = config.internalEventsSecret().orElseThrow();
        long commentId = System.nanoTime() % 1_000_000_000L;
        String body = "{\"type\":\"comment.created\",\"timestamp\":\"2024-05-01T08:00:00Z\",\"data\":{\"schemaVersion\":1,"
                + "\"id\":" + commentId + ",\"articleId\":3,\"parentId\":null,\"authorMemberId\":7,\"status\":\"approved\","
                + "\"createdAt\":\"2024-05-01T08:00:00Z\",\"parentAuthorMemberId\":null}}";
        String messageId = "msg_" + UUID.randomUUID();

        sendInternal(messageId, Instant.now().getEpochSecond(), body, secret).then().statusCode(204);
        sendInternal(messageId, Instant.now().getEpochSecond(), body, secret).then().statusCode(204); // duplicate
        await().atMost(DEADLINE).until(() -> received("/comments").stream()
                .anyMatch(r -> r.json().getLong("data.id") == commentId));
        Received relayed = received("/comments").stream().filter(r -> r.json().getLong("data.id") == commentId)
                .findFirst().orElseThrow();
        assertThat(relayed.json().getString("type")).isEqualTo("comment.created");
        assertThat(relayed.json().getString("timestamp")).isEqualTo("2024-05-01T08:00:00Z");
        assertThat(relayed.json().getInt("data.authorMemberId")).isEqualTo(7);
        assertThat(relayed.id()).isNotEqualTo(messageId); // our own message id towards our subscribers
        assertThat(countOutboxEvents("comment.created", commentId)).isEqualTo(1);

        long now = Instant.now().getEpochSecond();
        sendInternal("msg_" + UUID.randomUUID(), now, body, StandardWebhooks.newSecret()).then().statusCode(401)
                .contentType("application/problem+json");
        sendInternal("msg_" + UUID.randomUUID(), now - 3600, body, secret).then().statusCode(401);
        RestAssured.given().contentType("application/json").body(body).post("/api/v1/webhooks/events").then()
                .statusCode(401);
        String tampered = "msg_" + UUID.randomUUID();
        RestAssured.given().contentType("application/json")
                .header("webhook-id", tampered).header("webhook-timestamp", String.valueOf(now))
                .header("webhook-signature", StandardWebhooks.sign(secret, tampered, now, body))
                .body(body.replace("\"authorMemberId\":7", "\"authorMemberId\":8"))
                .post("/api/v1/webhooks/events").then().statusCode(401);
        sendInternal("msg_" + UUID.randomUUID(), now, body.replace("comment.created", "article.published"), secret)
                .then().statusCode(422).contentType("application/problem+json");
        sendInternal("msg_" + UUID.randomUUID(), now, "{\"type\":\"member.created\",\"data\":{\"id\":\"x\"}}", secret)
                .then().statusCode(422);
        sendInternal("msg_" + UUID.randomUUID(), now, "[1,2]", secret).then().statusCode(422);
        sendInternal("msg_" + UUID.randomUUID(), now, "{not json", secret).then().statusCode(400);
        assertThat(countOutboxEvents("comment.created", commentId)).isEqualTo(1);
    }

    @Test
    void twoDispatchersNeverSendTheSameDelivery() throws Exception {
        RECEIVER.stubFor(post(urlEqualTo("/pair-a")).willReturn(ok().withFixedDelay(15)));
        RECEIVER.stubFor(post(urlEqualTo("/pair-b")).willReturn(ok().withFixedDelay(15)));
        RECEIVER.stubFor(post(urlEqualTo("/pair-c")).willReturn(ok().withFixedDelay(15)));
        List<String> paths = List.of("/pair-a", "/pair-b", "/pair-c");
        List<Long> subscriptions = paths.stream().map(p -> subscription(p, "article.updated").getLong("id")).toList();

        // a second replica's dispatcher, polling eagerly, competes with this process's own for the same queues
        try (DeliveryDispatcher second = new DeliveryDispatcher(ledger, sender, config, "second-replica");
             WakeupLoop secondLoop = new WakeupLoop("second-dispatch", Duration.ofMillis(20), second::runOnce)) {
            second.onIdleSlot(secondLoop::wake);
            secondLoop.start();

            List<Long> articles = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                articles.add(publishArticle(unique("并发 " + i)));
            }
            for (long article : articles) {
                updateTitle(article);
            }
            await().atMost(DEADLINE).untilAsserted(() -> {
                for (long sub : subscriptions) {
                    assertThat(deliveries(sub, "delivered")).hasSize(articles.size());
                }
            });
        }
        for (String path : paths) {
            List<Received> got = received(path);
            Map<String, Long> perMessage = got.stream().collect(Collectors.groupingBy(Received::id, Collectors.counting()));
            assertThat(perMessage).hasSize(8).allSatisfy((message, count) -> assertThat(count).isEqualTo(1));
            assertThat(got).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        }
    }

    @Test
    void aLeasedQueueIsNotClaimedByAnotherReplica() throws Exception {
        long id = insertSubscriptionDirectly("http://127.0.0.1:9/never-called");
        created.add(id);
        lease(id, "replica-a");
        insertDueDelivery(id);
        assertThat(ledger.claim("replica-b", Duration.ofMinutes(5), 1000)).doesNotContain(id);
        assertThat(ledger.renew(id, "replica-b", Duration.ofMinutes(5))).isEmpty();
        assertThat(ledger.renew(id, "replica-a", Duration.ofMinutes(5))).isPresent();
        ledger.release(id, "replica-b"); // not the holder: no effect
        assertThat(ledger.claim("replica-b", Duration.ofMinutes(5), 1000)).doesNotContain(id);
        assertThat(leaseOwner(id)).isEqualTo("replica-a");
        ledger.release(id, "replica-a");
        assertThat(leaseOwner(id)).isNull();
        admin().body(Map.of("active", false)).patch("/api/v1/webhooks/" + id).then().statusCode(200);
    }

    // ---- helpers

    private static io.restassured.response.Response sendInternal(String id, long timestamp, String body, String secret) {
        return RestAssured.given().contentType("application/json")
                .header("webhook-id", id).header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", StandardWebhooks.sign(secret, id, timestamp, body))
                .body(body).post("/api/v1/webhooks/events");
    }

    private static void updateTitle(long articleId) {
        JsonPath current = admin().get("/api/v1/articles/" + articleId).then().statusCode(200).extract().jsonPath();
        admin().header("If-Match", "\"" + current.getLong("version") + "\"")
                .body(Map.of("title", current.getString("title") + " 改", "markdown", "改过的正文。"))
                .put("/api/v1/articles/" + articleId).then().statusCode(200);
    }

    private long insertSubscriptionDirectly(String url) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO webhook_subscription (url, events, secret, created_at, updated_at)
                VALUES (?, '["article.published"]', ?, now(), now()) RETURNING id""")) {
            ps.setString(1, url);
            ps.setString(2, StandardWebhooks.newSecret());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void insertDueDelivery(long subscriptionId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO webhook_delivery (subscription_id, event_id, event_seq, event_type, message_id, body, status,
                    next_attempt_at, created_at, queued_at)
                VALUES (?, ?, 0, 'article.published', ?, '{}', 'PENDING', now(), now(), now())""")) {
            ps.setLong(1, subscriptionId);
            ps.setObject(2, UUID.randomUUID());
            ps.setString(3, "msg_" + UUID.randomUUID().toString().replace("-", ""));
            ps.executeUpdate();
        }
    }

    /** As if replica {@code owner} had claimed the subscription's queue. */
    private void lease(long subscriptionId, String owner) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE webhook_subscription SET lease_owner = ?, lease_until = now() + interval '5 minutes' WHERE id = ?")) {
            ps.setString(1, owner);
            ps.setLong(2, subscriptionId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private String leaseOwner(long subscriptionId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT lease_owner FROM webhook_subscription WHERE id = ?")) {
            ps.setLong(1, subscriptionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private void expirePreviousSecret(long id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE webhook_subscription SET previous_secret_expires_at = now() - interval '1 second' WHERE id = ?")) {
            ps.setLong(1, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long countOutboxEvents(String type, long aggregateId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE type = ? AND aggregate_id = ?")) {
            ps.setString(1, type);
            ps.setLong(2, aggregateId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
