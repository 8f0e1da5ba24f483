package dev.spaces.comment;

import dev.spaces.comment.config.EventRelayConfig;
import dev.spaces.comment.service.RetentionService;
import dev.spaces.comment.service.RetentionService.Policy;
import dev.spaces.comment.service.RetentionService.Report;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retention of the outbox: rows are inserted with old timestamps directly and {@link RetentionService} is called
 * (the schedule is off in tests, and so is the relay: no secret), so nothing here waits for a clock.
 */
@QuarkusTest
class RetentionTest {

    private static final Policy DEFAULTS = new Policy(Duration.ofDays(7), Duration.ofDays(90), 1000);
    private static final Duration KEEP = Duration.ZERO;

    @Inject
    RetentionService retention;
    @Inject
    EventRelayConfig config;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    MeterRegistry registry;

    private final String aggregateType = "t" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void cleanUp() throws SQLException {
        // pending rows of this test would otherwise count in the relay's pending gauge
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM outbox_event WHERE aggregate_type = ?")) {
            ps.setString(1, aggregateType);
            ps.executeUpdate();
        }
    }

    @Test
    void configuredDefaultsAreTheDocumentedOnes() {
        assertThat(config.retention().enabled()).isTrue();
        assertThat(Policy.of(config.retention())).isEqualTo(DEFAULTS);
        assertThat(config.retention().interval()).isZero(); // %test: the tests prune themselves
    }

    @Test
    void deliveredAndRejectedRowsGoAfterTheirRetentionAndPendingOnesNever() throws Exception {
        UUID delivered8 = row(1, "8 days", "8 days", null, 0);
        UUID delivered6 = row(2, "8 days", "6 days", null, 0);
        // refused for good a month ago: kept for someone to look into, not pruned with the delivered ones
        UUID rejected30 = row(3, "30 days", "30 days", "30 days", 1);
        UUID rejected91 = row(4, "91 days", "91 days", "91 days", 1);
        UUID rejected89 = row(5, "89 days", "89 days", "89 days", 1);
        // content-service has been unreachable for a year: still pending, still to be sent
        UUID pendingAncient = row(6, "365 days", null, null, 5000);
        double before = registry.get("spaces.retention.pruned.rows").tag("table", "outbox_event").counter().count();

        Report report = retention.prune(DEFAULTS);

        assertThat(report.delivered()).isGreaterThanOrEqualTo(1);
        assertThat(report.rejected()).isGreaterThanOrEqualTo(1);
        assertThat(exists(delivered8)).isFalse();
        assertThat(exists(rejected91)).isFalse();
        assertThat(exists(delivered6)).isTrue();
        assertThat(exists(rejected30)).isTrue();
        assertThat(exists(rejected89)).isTrue();
        assertThat(exists(pendingAncient)).isTrue();
        assertThat(registry.get("spaces.retention.pruned.rows").tag("table", "outbox_event").counter().count() - before)
                .isEqualTo(report.total());
    }

    @Test
    void batchesLoopUntilEverythingOldIsGone() throws Exception {
        bulk(2500);
        long old = countOldDelivered();

        Report report = retention.prune(new Policy(Duration.ofDays(7), KEEP, 1000));

        assertThat(old).isGreaterThanOrEqualTo(2500);
        assertThat(report.delivered()).isEqualTo(old);
        assertThat(countOldDelivered()).isZero();
        assertThat(countMine()).isZero();
    }

    @Test
    void twoReplicasPruningAtOnceDeleteEachRowOnce() throws Exception {
        bulk(3000);
        long old = countOldDelivered();
        Policy small = new Policy(Duration.ofDays(7), KEEP, 100);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Report> a = pool.submit(() -> retention.prune(small));
            Future<Report> b = pool.submit(() -> retention.prune(small));
            // the counts add up: no row is counted twice, and each run ended without an error
            assertThat(a.get().delivered() + b.get().delivered()).isEqualTo(old);
        } finally {
            pool.shutdownNow();
        }
        assertThat(countMine()).isZero();
    }

    @Test
    void aRetentionOfZeroKeepsEverything() throws Exception {
        UUID delivered = row(1, "400 days", "400 days", null, 0);
        UUID rejected = row(2, "400 days", "400 days", "400 days", 1);

        assertThat(retention.prune(new Policy(KEEP, KEEP, 10)).total()).isZero();

        assertThat(exists(delivered)).isTrue();
        assertThat(exists(rejected)).isTrue();
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new Policy(KEEP, KEEP, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch-size");
        assertThatThrownBy(() -> new Policy(Duration.ofDays(-1), KEEP, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers

    private UUID row(long aggregateId, String occurredAgo, String dispatchedAgo, String rejectedAgo, int attempts)
            throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outbox_event (id, type, aggregate_type, aggregate_id, aggregate_version, occurred_at,
                                          payload, dispatched_at, rejected_at, attempts, next_attempt_at)
                VALUES (?, 'comment.created', ?, ?, 1, now() - CAST(? AS interval), '{}',
                        now() - CAST(? AS interval), now() - CAST(? AS interval), ?,
                        CASE WHEN ? IS NULL THEN now() + interval '1 hour' END)""")) {
            ps.setObject(1, id);
            ps.setString(2, aggregateType);
            ps.setLong(3, aggregateId);
            ps.setString(4, occurredAgo);
            ps.setString(5, dispatchedAgo);
            ps.setString(6, rejectedAgo);
            ps.setInt(7, attempts);
            ps.setString(8, dispatchedAgo);
            ps.executeUpdate();
        }
        return id;
    }

    private void bulk(int count) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outbox_event (id, type, aggregate_type, aggregate_id, aggregate_version, occurred_at,
                                          payload, dispatched_at)
                SELECT gen_random_uuid(), 'comment.created', ?, n, 1, now() - interval '10 days', '{}',
                       now() - interval '10 days'
                FROM generate_series(1, ?) n""")) {
            ps.setString(1, aggregateType);
            ps.setInt(2, count);
            assertThat(ps.executeUpdate()).isEqualTo(count);
        }
    }

    private boolean exists(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM outbox_event WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Delivered rows past the default retention: ours, and any another test left behind. */
    private long countOldDelivered() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE rejected_at IS NULL AND dispatched_at < now() - interval '7 days'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long countMine() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outbox_event WHERE aggregate_type = ?")) {
            ps.setString(1, aggregateType);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
