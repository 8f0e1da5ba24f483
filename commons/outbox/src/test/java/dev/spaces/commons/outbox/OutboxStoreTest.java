package dev.spaces.commons.outbox;

import dev.spaces.commons.postgres.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Claiming outbox rows with SKIP LOCKED against a real PostgreSQL: relays never share a row, none is lost. */
class OutboxStoreTest {

    private static LocalPostgres postgres;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        postgres = LocalPostgres.start(null, 0);
        postgres.ensureDatabases(List.of("outbox_test"));
        url = postgres.jdbcUrl("outbox_test");
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TABLE outbox_event (
                        id UUID PRIMARY KEY, seq BIGSERIAL NOT NULL UNIQUE, type VARCHAR(64) NOT NULL,
                        aggregate_type VARCHAR(32) NOT NULL, aggregate_id BIGINT NOT NULL,
                        aggregate_version BIGINT NOT NULL, occurred_at TIMESTAMPTZ NOT NULL, payload JSONB NOT NULL,
                        dispatched_at TIMESTAMPTZ)""");
            st.execute("""
                    CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN PERFORM pg_notify('outbox_event', ''); RETURN NULL; END $$""");
            st.execute("CREATE TRIGGER outbox_notify AFTER INSERT ON outbox_event FOR EACH STATEMENT "
                    + "EXECUTE FUNCTION notify_outbox()");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM outbox_event");
        }
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "postgres");
    }

    static void insert(int n) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outbox_event (id, type, aggregate_type, aggregate_id, aggregate_version, occurred_at, payload)
                VALUES (?, 'article.published', 'article', ?, 1, now(), CAST(? AS jsonb))""")) {
            for (int i = 0; i < n; i++) {
                ps.setObject(1, UUID.randomUUID());
                ps.setLong(2, i);
                ps.setString(3, "{\"id\":" + i + "}");
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static long undispatched() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM outbox_event WHERE dispatched_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aClaimedRowIsSkippedByOtherRelaysUntilItsTransactionEnds() throws Exception {
        insert(10);
        try (Connection a = connect(); Connection b = connect()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            List<OutboxEvent> first = OutboxStore.claim(a, 4);
            List<OutboxEvent> second = OutboxStore.claim(b, 100);
            assertThat(first).hasSize(4);
            assertThat(first).extracting(OutboxEvent::seq).isSorted();
            assertThat(first.getFirst().payload()).isEqualTo("{\"id\": 0}");
            assertThat(first.getFirst().type()).isEqualTo("article.published");
            assertThat(second).hasSize(6);
            assertThat(second).extracting(OutboxEvent::id).doesNotContainAnyElementsOf(
                    first.stream().map(OutboxEvent::id).toList());

            // relay A dies: its rows become claimable again, nothing is lost
            a.rollback();
            OutboxStore.markDispatched(b, second.stream().map(OutboxEvent::id).toList(), Instant.now());
            b.commit();
            try (Connection c = connect()) {
                c.setAutoCommit(false);
                List<OutboxEvent> again = OutboxStore.claim(c, 100);
                assertThat(again).extracting(OutboxEvent::id)
                        .containsExactlyElementsOf(first.stream().map(OutboxEvent::id).toList());
                assertThat(OutboxStore.markDispatched(c, again.stream().map(OutboxEvent::id).toList(), Instant.now()))
                        .isEqualTo(4);
                c.commit();
            }
        }
        assertThat(undispatched()).isZero();
    }

    @Test
    void concurrentRelaysDispatchEveryRowExactlyOnce() throws Exception {
        int rows = 600;
        insert(rows);
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        List<UUID> duplicates = new CopyOnWriteArrayList<>();
        AtomicInteger[] perRelay = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
        ExecutorService pool = Executors.newFixedThreadPool(perRelay.length);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> relays = new ArrayList<>();
        for (AtomicInteger count : perRelay) {
            relays.add(pool.submit(() -> {
                go.await();
                try (Connection c = connect()) {
                    c.setAutoCommit(false);
                    while (true) {
                        List<OutboxEvent> batch = OutboxStore.claim(c, 7);
                        if (batch.isEmpty()) {
                            c.commit();
                            return null;
                        }
                        for (OutboxEvent e : batch) {
                            if (!seen.add(e.id())) {
                                duplicates.add(e.id());
                            }
                        }
                        count.addAndGet(batch.size());
                        OutboxStore.markDispatched(c, batch.stream().map(OutboxEvent::id).toList(), Instant.now());
                        c.commit();
                    }
                }
            }));
        }
        go.countDown();
        for (Future<?> relay : relays) {
            relay.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(duplicates).isEmpty();
        assertThat(seen).hasSize(rows);
        assertThat(perRelay[0].get() + perRelay[1].get() + perRelay[2].get()).isEqualTo(rows);
        assertThat(undispatched()).isZero();
    }

    @Test
    void listenerWakesOnCommitAndLoopRunsAgainWhenWoken() throws Exception {
        List<String> channels = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch relayed = new CountDownLatch(1);
        // a long fallback: only the notification can make the loop relay within the test's deadline
        try (WakeupLoop loop = new WakeupLoop("test-relay", Duration.ofMinutes(5), () -> {
                 rounds.incrementAndGet();
                 try (Connection c = connect()) {
                     c.setAutoCommit(false);
                     List<OutboxEvent> batch = OutboxStore.claim(c, 100);
                     OutboxStore.markDispatched(c, batch.stream().map(OutboxEvent::id).toList(), Instant.now());
                     c.commit();
                     if (!batch.isEmpty()) {
                         relayed.countDown();
                     }
                 }
                 return null;
             }).start();
             PgNotificationListener listener = new PgNotificationListener("test-listen", OutboxStoreTest::connect,
                     List.of(OutboxStore.NOTIFY_CHANNEL), channel -> {
                         channels.add(channel);
                         loop.wake();
                     }).start()) {
            // the listener pokes every channel once when it (re)connects; wait for that, then insert
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (channels.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(channels).contains(OutboxStore.NOTIFY_CHANNEL);
            int before = channels.size();
            insert(3);
            assertThat(relayed.await(30, TimeUnit.SECONDS)).isTrue();
            // a round already woken (by the connect poke) may relay the rows before their commit's notification
            // is delivered: wait for the notification rather than assume it came first
            long notified = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (channels.size() <= before && System.nanoTime() < notified) {
                Thread.sleep(10);
            }
            assertThat(channels.size()).isGreaterThan(before);
        }
        assertThat(undispatched()).isZero();
        assertThat(rounds.get()).isGreaterThanOrEqualTo(2);
    }
}
