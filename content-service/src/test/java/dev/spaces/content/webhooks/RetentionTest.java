package dev.spaces.content.webhooks;

import dev.spaces.commons.webhooks.StandardWebhooks;
import dev.spaces.content.webhook.WebhookConfig;
import dev.spaces.content.webhook.retention.RetentionService.Policy;
import dev.spaces.content.webhook.retention.RetentionService.Report;
import dev.spaces.content.webhook.retention.RetentionService;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.spaces.content.TestSupport.admin;
import static dev.spaces.content.webhooks.WebhookFixtures.deliveries;
import static dev.spaces.content.webhooks.WebhookFixtures.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retention: rows are inserted with old timestamps directly and {@link RetentionService} is called (the schedule is
 * off in tests), so nothing here waits for a clock.
 */
@QuarkusTest
class RetentionTest {

    /** The defaults, as a policy (the configured one in %test is the same). */
    private static final Policy DEFAULTS = new Policy(Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(90),
            Duration.ofDays(7), 1000);
    private static final Duration KEEP = Duration.ZERO;

    @Inject
    RetentionService retention;
    @Inject
    WebhookConfig config;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry registry;

    private final List<Long> created = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        created.forEach(id -> admin().delete("/api/v1/webhooks/" + id));
    }

    @Test
    void configuredDefaultsAreTheDocumentedOnes() {
        WebhookConfig.Retention r = config.retention();
        assertThat(r.enabled()).isTrue();
        assertThat(Policy.of(r)).isEqualTo(DEFAULTS);
        assertThat(r.interval()).isZero(); // %test: the tests prune themselves
    }

    @Test
    void oldSentRowsGoAndRecentAndPendingOnesStay() throws Exception {
        long subscription = quietSubscription();
        // outbox: dispatched long ago goes; dispatched recently, and never dispatched however old, stay
        UUID oldDispatched = outbox("8 days", "8 days");
        UUID recentDispatched = outbox("8 days", "6 days");
        UUID undispatched = outbox("30 days", null);
        // deliveries
        long delivered31 = delivery(subscription, "DELIVERED", "40 days", "40 days", "31 days", "31 days");
        long delivered29 = delivery(subscription, "DELIVERED", "40 days", "40 days", "29 days", "29 days");
        // delivered long ago, redelivered yesterday: its clock restarted
        long redelivered = delivery(subscription, "DELIVERED", "100 days", "1 day", "1 day", "1 day");
        long failed91 = delivery(subscription, "FAILED", "95 days", "95 days", "91 days", null);
        long failed89 = delivery(subscription, "FAILED", "95 days", "95 days", "89 days", null);
        // given up behind an unavailable receiver without an attempt of its own
        long failedUntried = delivery(subscription, "FAILED", "120 days", "120 days", null, null);
        // redelivered 10 days ago, then given up without an attempt: counts from the redelivery
        long failedRequeued = delivery(subscription, "FAILED", "120 days", "10 days", "100 days", null);
        long pendingAncient = delivery(subscription, "PENDING", "200 days", "200 days", "199 days", null);
        // inbound de-duplication
        String inboundOld = inbound("8 days");
        String inboundRecent = inbound("6 days");
        double deliveryMetricBefore = pruned("webhook_delivery");

        Report report = retention.prune(DEFAULTS);

        assertThat(report.outboxEvents()).isGreaterThanOrEqualTo(1);
        assertThat(report.delivered()).isGreaterThanOrEqualTo(1);
        assertThat(report.failed()).isGreaterThanOrEqualTo(2);
        assertThat(report.inboundEvents()).isGreaterThanOrEqualTo(1);
        assertThat(outboxExists(oldDispatched)).isFalse();
        assertThat(outboxExists(recentDispatched)).isTrue();
        assertThat(outboxExists(undispatched)).isTrue();
        assertThat(inboundExists(inboundOld)).isFalse();
        assertThat(inboundExists(inboundRecent)).isTrue();
        assertThat(pruned("webhook_delivery") - deliveryMetricBefore).isGreaterThanOrEqualTo(3);

        // the delivery log (the API) lists exactly what was kept, newest first, and can still redeliver it
        List<Long> kept = List.of(pendingAncient, failedRequeued, failed89, redelivered, delivered29);
        assertThat(deliveries(subscription, null)).extracting(d -> ((Number) d.get("id")).longValue())
                .containsExactlyElementsOf(kept);
        assertThat(deliveries(subscription, "failed")).hasSize(2);
        admin().get("/api/v1/webhooks/" + subscription + "/deliveries?size=2&page=2").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(5));
        for (long gone : List.of(delivered31, failed91, failedUntried)) {
            admin().post("/api/v1/webhooks/" + subscription + "/deliveries/" + gone + "/redeliver").then()
                    .statusCode(404).contentType("application/problem+json");
        }
        admin().body(Map.of("active", true)).patch("/api/v1/webhooks/" + subscription).then().statusCode(200);
        admin().post("/api/v1/webhooks/" + subscription + "/deliveries/" + failed89 + "/redeliver").then()
                .statusCode(202).body("status", org.hamcrest.Matchers.equalTo("pending"));
        admin().body(Map.of("active", false)).patch("/api/v1/webhooks/" + subscription).then().statusCode(200);

        // a second run finds nothing more of these
        retention.prune(DEFAULTS);
        assertThat(deliveries(subscription, null)).hasSize(5);
    }

    @Test
    void batchesLoopUntilEverythingOldIsGone() throws Exception {
        String marker = oldDispatchedOutboxRows(2500);
        long old = countOldDispatchedOutbox(); // ours, and any another test left behind

        Report report = retention.prune(new Policy(Duration.ofDays(7), KEEP, KEEP, KEEP, 1000));

        assertThat(old).isGreaterThanOrEqualTo(2500);
        assertThat(report.outboxEvents()).isEqualTo(old);
        assertThat(report.total()).isEqualTo(old);
        assertThat(countOutbox(marker)).isZero();
        assertThat(countOldDispatchedOutbox()).isZero();
    }

    @Test
    void twoReplicasPruningAtOnceDeleteEachRowOnce() throws Exception {
        String marker = oldDispatchedOutboxRows(3000);
        long old = countOldDispatchedOutbox();
        Policy small = new Policy(Duration.ofDays(7), KEEP, KEEP, KEEP, 100);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Report> a = pool.submit(() -> retention.prune(small));
            Future<Report> b = pool.submit(() -> retention.prune(small));
            // the counts add up: no row is counted twice, and each run ended without an error
            assertThat(a.get().outboxEvents() + b.get().outboxEvents()).isEqualTo(old);
        } finally {
            pool.shutdownNow();
        }
        assertThat(countOutbox(marker)).isZero();
    }

    @Test
    void aRetentionOfZeroKeepsEverything() throws Exception {
        long subscription = quietSubscription();
        UUID outbox = outbox("400 days", "400 days");
        long delivered = delivery(subscription, "DELIVERED", "400 days", "400 days", "400 days", "400 days");
        long failed = delivery(subscription, "FAILED", "400 days", "400 days", "400 days", null);
        String inbound = inbound("400 days");

        Report report = retention.prune(new Policy(KEEP, KEEP, KEEP, KEEP, 10));

        assertThat(report.total()).isZero();
        assertThat(outboxExists(outbox)).isTrue();
        assertThat(inboundExists(inbound)).isTrue();
        assertThat(deliveries(subscription, null)).extracting(d -> ((Number) d.get("id")).longValue())
                .containsExactly(failed, delivered);
    }

    @Test
    void anInboundDuplicateInsideTheWindowIsStillRejected() throws Exception {
        String secret = config.internalEventsSecret().orElseThrow();
        long commentId = 2_000_000_000L + System.nanoTime() % 1_000_000_000L;
        String body = "{\"type\":\"comment.deleted\",\"timestamp\":\"2024-05-01T08:00:00Z\",\"data\":{\"schemaVersion\":1,"
                + "\"id\":" + commentId + ",\"articleId\":3,\"parentId\":null,\"authorMemberId\":7,\"status\":\"deleted\","
                + "\"createdAt\":\"2024-05-01T08:00:00Z\",\"parentAuthorMemberId\":null}}";
        String webhookId = "msg_" + UUID.randomUUID();
        sendInternal(webhookId, body, secret).then().statusCode(204);
        assertThat(countOutboxEvents("comment.deleted", commentId)).isEqualTo(1);

        ageInbound(webhookId, "6 days 23 hours");
        retention.prune(DEFAULTS);
        assertThat(inboundExists(webhookId)).isTrue();
        sendInternal(webhookId, body, secret).then().statusCode(204); // comment-service resending it
        assertThat(countOutboxEvents("comment.deleted", commentId)).isEqualTo(1);

        // past the window the entry goes: comment-service can no longer be resending it by then
        ageInbound(webhookId, "7 days 1 hour");
        retention.prune(DEFAULTS);
        assertThat(inboundExists(webhookId)).isFalse();
    }

    @Test
    void anInboundWindowShorterThanTheSendersRetryGapIsRefused() {
        assertThatThrownBy(() -> new Policy(KEEP, KEEP, KEEP, Duration.ofMinutes(30), 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inbound-events");
        assertThatThrownBy(() -> new Policy(KEEP, KEEP, KEEP, KEEP, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch-size");
        assertThatThrownBy(() -> new Policy(Duration.ofDays(-1), KEEP, KEEP, KEEP, 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Policy(KEEP, KEEP, KEEP, Duration.ofHours(1), 1).inboundEvents()).hasHours(1);
    }

    // ---- helpers

    /** A subscription no event reaches (inactive): its delivery log holds only what a test inserts. */
    private long quietSubscription() {
        WebhookFixtures.startReceiver();
        long id = subscribe("/retention-never-called", "article.published").getLong("id");
        created.add(id);
        admin().body(Map.of("active", false)).patch("/api/v1/webhooks/" + id).then().statusCode(200);
        return id;
    }

    private UUID outbox(String occurredAgo, String dispatchedAgo) throws SQLException {
        UUID id = UUID.randomUUID();
        // a type no subscription has, so that the live relay only marks an undispatched one dispatched
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outbox_event (id, type, aggregate_type, aggregate_id, aggregate_version, occurred_at,
                                          payload, dispatched_at)
                VALUES (?, 'test.retention', 'test', 1, 1, now() - CAST(? AS interval), '{}',
                        now() - CAST(? AS interval))""")) {
            ps.setObject(1, id);
            ps.setString(2, occurredAgo);
            ps.setString(3, dispatchedAgo);
            ps.executeUpdate();
        }
        return id;
    }

    /** {@code count} outbox rows dispatched 10 days ago, all with one marker type; returns it. */
    private String oldDispatchedOutboxRows(int count) throws SQLException {
        String marker = "test.bulk." + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outbox_event (id, type, aggregate_type, aggregate_id, aggregate_version, occurred_at,
                                          payload, dispatched_at)
                SELECT gen_random_uuid(), ?, 'test', n, 1, now() - interval '10 days', '{}', now() - interval '10 days'
                FROM generate_series(1, ?) n""")) {
            ps.setString(1, marker);
            ps.setInt(2, count);
            assertThat(ps.executeUpdate()).isEqualTo(count);
        }
        return marker;
    }

    private long delivery(long subscription, String status, String createdAgo, String queuedAgo, String attemptAgo,
                          String deliveredAgo) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO webhook_delivery (subscription_id, event_id, event_seq, event_type, message_id, body, status,
                    attempts, next_attempt_at, last_attempt_at, created_at, queued_at, delivered_at)
                VALUES (?, ?, 0, 'article.published', ?, '{}', ?, 1,
                        CASE WHEN ? = 'PENDING' THEN now() + interval '1 day' END,
                        now() - CAST(? AS interval), now() - CAST(? AS interval), now() - CAST(? AS interval),
                        now() - CAST(? AS interval))
                RETURNING id""")) {
            ps.setLong(1, subscription);
            ps.setObject(2, UUID.randomUUID());
            ps.setString(3, "msg_" + UUID.randomUUID().toString().replace("-", ""));
            ps.setString(4, status);
            ps.setString(5, status);
            ps.setString(6, attemptAgo);
            ps.setString(7, createdAgo);
            ps.setString(8, queuedAgo);
            ps.setString(9, deliveredAgo);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String inbound(String receivedAgo) throws SQLException {
        String id = "msg_" + UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO webhook_inbound_event (webhook_id, event_type, received_at)
                VALUES (?, 'comment.created', now() - CAST(? AS interval))""")) {
            ps.setString(1, id);
            ps.setString(2, receivedAgo);
            ps.executeUpdate();
        }
        return id;
    }

    private void ageInbound(String webhookId, String ago) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE webhook_inbound_event SET received_at = now() - CAST(? AS interval) WHERE webhook_id = ?")) {
            ps.setString(1, ago);
            ps.setString(2, webhookId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private boolean outboxExists(UUID id) throws SQLException {
        return exists("SELECT 1 FROM outbox_event WHERE id = ?", id);
    }

    private boolean inboundExists(String webhookId) throws SQLException {
        return exists("SELECT 1 FROM webhook_inbound_event WHERE webhook_id = ?", webhookId);
    }

    private boolean exists(String sql, Object key) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private long countOutbox(String type) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE type = ?")) {
            ps.setString(1, type);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long countOldDispatchedOutbox() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE dispatched_at < now() - interval '7 days'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long countOutboxEvents(String type, long aggregateId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE type = ? AND aggregate_id = ?")) {
            ps.setString(1, type);
            ps.setLong(2, aggregateId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private double pruned(String table) {
        return registry.get("spaces.retention.pruned.rows").tag("table", table).counter().count();
    }

    private static io.restassured.response.Response sendInternal(String id, String body, String secret) {
        long timestamp = Instant.now().getEpochSecond();
        return RestAssured.given().contentType("application/json")
                .header("webhook-id", id).header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", StandardWebhooks.sign(secret, id, timestamp, body))
                .body(body).post("/api/v1/webhooks/events");
    }
}
