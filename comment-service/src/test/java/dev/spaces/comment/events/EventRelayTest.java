package dev.spaces.comment.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.comment.events.OutboxRows.Row;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static dev.spaces.comment.ContentServiceStub.ARTICLE;
import static dev.spaces.comment.TestSupport.approve;
import static dev.spaces.comment.TestSupport.body;
import static dev.spaces.comment.TestSupport.freshMember;
import static dev.spaces.comment.TestSupport.member;
import static dev.spaces.comment.TestSupport.post;
import static dev.spaces.comment.TestSupport.reply;
import static dev.spaces.comment.TestSupport.trustedMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox relay against a content-service stand-in whose intake verifies signatures and deduplicates by
 * webhook-id ({@link IntakeStub}): every event type arrives signed, nothing is lost while the receiver is down or
 * loses its answers, and relays running side by side never send the same row. Waits poll with a deadline.
 */
@QuarkusTest
@TestProfile(EventRelayTest.RelayProfile.class)
class EventRelayTest {

    public static class RelayProfile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(IntakeStub.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "spaces.events.relay.batch-size", "2",
                    "spaces.events.relay.poll-interval", "PT0.2S",
                    "spaces.events.relay.backoff.initial", "PT0.05S",
                    "spaces.events.relay.backoff.max", "PT0.4S",
                    // the stand-in is stopped in one test: article checks must not need it then
                    "spaces.comment.article-cache-ttl", "PT1H",
                    // the retention job scheduled as in production (its first run is a minute away)
                    "spaces.events.relay.retention.interval", "1h");
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EventRelay relay;
    @Inject
    io.quarkus.scheduler.Scheduler scheduler;

    @BeforeEach
    void receiverUp() {
        IntakeStub.startServer();
        IntakeStub.reset();
    }

    @Test
    void theRetentionJobIsScheduledWithTheConfiguredInterval() {
        var job = scheduler.getScheduledJob("retention");
        assertThat(job).isNotNull();
        assertThat(job.getNextFireTime()).isAfter(java.time.Instant.now().plusSeconds(5));
    }

    @Test
    void everyEventTypeArrivesSignedAndVerifiableUnderItsOutboxId() throws Exception {
        String alice = freshMember("relay-a");
        long parent = post(alice, ARTICLE, body("父评论 $x^2$"));   // member.created, comment.created (pending)
        approve(parent);                                            // comment.approved
        String bob = trustedMember("relay-b", ARTICLE);
        long answer = post(bob, ARTICLE, reply("回复 $\\alpha$", parent)); // created, approved, replied (to alice)
        member(bob).delete("/api/v1/comments/" + answer).then().statusCode(204); // comment.deleted
        List<Long> members = List.of(memberId(alice), memberId(bob));

        List<Row> rows = awaitAllDispatched(List.of(parent, answer), members);
        assertThat(rows).extracting(Row::type).contains("comment.created", "comment.approved", "comment.replied",
                "comment.deleted", "member.created");
        assertThat(IntakeStub.invalid).isEmpty();
        for (Row row : rows) {
            IntakeStub.Delivery delivery = IntakeStub.accepted.get(row.id());
            assertThat(delivery).as("delivery of %s %s", row.type(), row.id()).isNotNull();
            assertThat(delivery.type()).isEqualTo(row.type());
            assertThat(delivery.dataId()).isEqualTo(row.aggregateId());
            JsonNode envelope = JSON.readTree(delivery.body());
            assertThat(envelope.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(envelope.path("data").path("schemaVersion").asInt()).isEqualTo(1);
            assertThat(row.rejected()).isFalse();
        }
        JsonNode replied = JSON.readTree(rows.stream().filter(r -> r.type().equals("comment.replied"))
                .map(r -> IntakeStub.accepted.get(r.id()).body()).findFirst().orElseThrow());
        assertThat(replied.path("data").path("parentAuthorMemberId").asLong()).isEqualTo(members.get(0));
        // each aggregate's events were accepted in the order they were written
        assertAcceptedInOutboxOrder(rows);
        RestAssured.given().get("/q/metrics").then().statusCode(200);
        assertThat(metric("spaces_comment_events_delivered_total")).isGreaterThanOrEqualTo(rows.size());
    }

    @Test
    void receiverDownForAWhileThenBackLosesNothingAndRedeliveriesAreDeduplicated() throws Exception {
        String warm = freshMember("relay-w");
        long first = post(warm, ARTICLE, body("先缓存文章")); // the article check is cached from here on
        awaitAllDispatched(List.of(first), List.of(memberId(warm)));

        IntakeStub.stopServer();
        List<Long> comments = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = freshMember("relay-d");
            names.add(name);
            comments.add(post(name, ARTICLE, body("接收方宕机时的评论 " + i)));
        }
        approve(comments.get(0));
        List<Long> members = new ArrayList<>();
        for (String name : names) {
            members.add(memberId(name));
        }
        // the relay keeps trying while nobody answers, and keeps every event
        await().atMost(PATIENCE).until(() -> OutboxRows.of(comments, members).stream()
                .anyMatch(r -> r.attempts() > 0 && r.lastError() != null));
        assertThat(OutboxRows.of(comments, members)).noneMatch(Row::dispatched);
        await().atMost(PATIENCE).until(() -> metric("spaces_comment_events_pending") >= 7);
        assertThat(metric("spaces_comment_events_failed_total{reason=\"unavailable\"}")).isPositive();

        // back, but every first answer is lost: each message must be sent again, and is kept once
        IntakeStub.mode = IntakeStub.Mode.LOSE_FIRST_ANSWER;
        IntakeStub.startServer();
        List<Row> rows = awaitAllDispatched(comments, members);
        assertThat(rows).hasSize(7); // 3 × (member.created + comment.created) + comment.approved
        Map<String, List<IntakeStub.Delivery>> byId = IntakeStub.requests.stream()
                .collect(Collectors.groupingBy(IntakeStub.Delivery::webhookId));
        for (Row row : rows) {
            List<IntakeStub.Delivery> attempts = byId.get(row.id());
            assertThat(attempts).as("attempts of %s", row.type()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(attempts).extracting(IntakeStub.Delivery::body).containsOnly(attempts.get(0).body());
            assertThat(IntakeStub.accepted.get(row.id()).type()).isEqualTo(row.type());
        }
        assertThat(IntakeStub.invalid).isEmpty();
        assertAcceptedInOutboxOrder(rows);
    }

    @Test
    void relaysSideBySideNeverSendTheSameRow() throws Exception {
        IntakeStub.mode = IntakeStub.Mode.REFUSE; // let events pile up
        List<Long> comments = new ArrayList<>();
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = freshMember("relay-p");
            comments.add(post(name, ARTICLE, body("并发中继 " + i)));
            members.add(memberId(name));
        }
        // refusals opened the relay's circuit; its half-open trial goes alone and gets through within the pairing wait
        IntakeStub.mode = IntakeStub.Mode.PAIR;
        // two more relays on the same database besides the background one
        List<CompletableFuture<Void>> relays = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (int i = 0; i < 2; i++) {
            relays.add(CompletableFuture.runAsync(() -> {
                while (System.nanoTime() < deadline
                        && !OutboxRows.of(comments, members).stream().allMatch(Row::dispatched)) {
                    Duration next = relay.runOnce();
                    pause(next == null ? Duration.ofMillis(50) : next);
                }
            }));
        }
        CompletableFuture.allOf(relays.toArray(CompletableFuture[]::new)).get(PATIENCE.toSeconds() + 10, TimeUnit.SECONDS);
        List<Row> rows = awaitAllDispatched(comments, members);
        assertThat(rows).hasSize(10);
        assertThat(IntakeStub.maxInFlight.get()).as("deliveries in flight at once").isGreaterThanOrEqualTo(2);
        assertThat(IntakeStub.concurrentDuplicates).isEmpty();
        Map<String, Long> sends = IntakeStub.requests.stream()
                .collect(Collectors.groupingBy(IntakeStub.Delivery::webhookId, Collectors.counting()));
        for (Row row : rows) {
            assertThat(sends.get(row.id())).as("sends of %s", row.id()).isEqualTo(1L);
        }
    }

    private static List<Row> awaitAllDispatched(List<Long> comments, List<Long> members) {
        await().atMost(PATIENCE).until(() -> {
            List<Row> rows = OutboxRows.of(comments, members);
            return !rows.isEmpty() && rows.stream().allMatch(Row::dispatched)
                    && rows.stream().allMatch(r -> IntakeStub.accepted.containsKey(r.id()));
        });
        return OutboxRows.of(comments, members);
    }

    private static void assertAcceptedInOutboxOrder(List<Row> rows) {
        Map<String, List<String>> written = new HashMap<>();
        for (Row row : rows) {
            written.computeIfAbsent(row.aggregateType() + row.aggregateId(), k -> new ArrayList<>()).add(row.id());
        }
        List<String> order = List.copyOf(IntakeStub.acceptOrder);
        for (List<String> ids : written.values()) {
            assertThat(order.stream().filter(ids::contains).toList()).isEqualTo(ids);
        }
    }

    private static long memberId(String name) {
        return member(name).get("/api/v1/members/me").then().statusCode(200).extract().jsonPath().getLong("id");
    }

    private static double metric(String series) {
        String text = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(l -> l.startsWith(series.contains("{") ? series.substring(0, series.indexOf('{')) : series))
                .filter(l -> !series.contains("{") || l.contains(series.substring(series.indexOf('{') + 1, series.length() - 1)))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(Math.min(Math.max(duration.toMillis(), 1), 100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
