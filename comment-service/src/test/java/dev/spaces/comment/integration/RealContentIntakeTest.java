package dev.spaces.comment.integration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.spaces.commons.testing.TestTokens;
import dev.spaces.commons.webhooks.StandardWebhooks;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.spaces.comment.TestSupport.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay against the REAL content-service intake: a comment's events, posted by comment-service's relay, are
 * verified and accepted by content-service, join its outbox and reach a webhook subscriber there, signed with the
 * subscriber's secret. A repeat under the same webhook-id is accepted (204) and relayed to nobody.
 */
@QuarkusTest
@TestProfile(RealContentServiceTest.WithRealContentService.class)
class RealContentIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Inject
    AgroalDataSource dataSource;

    private HttpServer subscriber;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final List<String> unverified = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopSubscriber() {
        if (subscriber != null) {
            subscriber.stop(0);
        }
    }

    private static RequestSpecification content(String user, String role) {
        return RestAssured.given().baseUri(RealContentService.baseUrl).contentType(ContentType.JSON)
                .auth().oauth2(TestTokens.token(user, role));
    }

    @Test
    void commentEventsReachContentServiceSubscribersOnceEach() throws Exception {
        String[] secret = new String[1];
        subscriber = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        subscriber.createContext("/hook", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                try {
                    StandardWebhooks.verify(List.of(secret[0]),
                            exchange.getRequestHeaders().getFirst(StandardWebhooks.ID_HEADER),
                            exchange.getRequestHeaders().getFirst(StandardWebhooks.TIMESTAMP_HEADER),
                            exchange.getRequestHeaders().getFirst(StandardWebhooks.SIGNATURE_HEADER),
                            body, Instant.now(), StandardWebhooks.DEFAULT_TOLERANCE);
                    received.add(JSON.readTree(body));
                } catch (RuntimeException | IOException e) {
                    unverified.add(e.toString());
                }
                exchange.sendResponseHeaders(204, -1);
            }
        });
        subscriber.start();
        String hook = "http://127.0.0.1:" + subscriber.getAddress().getPort() + "/hook";
        secret[0] = content("admin", "admin").body(Map.of("url", hook, "events",
                        List.of("comment.created", "comment.approved", "member.created"), "description", "relay test"))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getString("secret");

        long article = content("author", "author").body(Map.of("title", "中继测试文章", "markdown", "正文 $e^{i\\pi}$"))
                .post("/api/v1/articles").then().statusCode(201).extract().jsonPath().getLong("id");
        content("author", "author").post("/api/v1/articles/" + article + "/publish").then().statusCode(200);
        long[] comment = new long[1];
        await().atMost(PATIENCE).untilAsserted(() -> comment[0] = member("relay-reader").body(Map.of("body", "经由中继"))
                .post("/api/v1/articles/" + article + "/comments").then().statusCode(201)
                .extract().jsonPath().getLong("id"));

        await().atMost(PATIENCE).until(() -> typesFor("comment", comment[0]).contains("comment.created"));
        JsonNode created = received.stream().filter(e -> e.path("type").asText().equals("comment.created")
                && e.path("data").path("id").asLong() == comment[0]).findFirst().orElseThrow();
        assertThat(created.path("data").path("articleId").asLong()).isEqualTo(article);
        assertThat(created.path("data").path("status").asText()).isEqualTo("pending");
        await().atMost(PATIENCE).until(() -> outboxRow(comment[0], "comment.created").dispatched());

        // the relay's webhook-id is the outbox row id: sending it again is a no-op at the intake
        String webhookId = outboxRow(comment[0], "comment.created").id();
        String body = "{\"type\":\"comment.created\",\"timestamp\":\"" + Instant.now() + "\",\"data\":{\"schemaVersion\":1,"
                + "\"id\":" + comment[0] + ",\"articleId\":" + article + ",\"status\":\"pending\"}}";
        long now = Instant.now().getEpochSecond();
        RestAssured.given().baseUri(RealContentService.baseUrl).contentType(ContentType.JSON)
                .header(StandardWebhooks.ID_HEADER, webhookId)
                .header(StandardWebhooks.TIMESTAMP_HEADER, Long.toString(now))
                .header(StandardWebhooks.SIGNATURE_HEADER,
                        StandardWebhooks.sign(RealContentService.INTERNAL_EVENTS_SECRET, webhookId, now, body))
                .body(body).post("/api/v1/webhooks/events").then().statusCode(204);
        // a later event of the same subscription: once it is in, a relayed repeat would have arrived before it
        TestTokens.as("moderator", "moderator").contentType(ContentType.JSON).body(Map.of("action", "approve"))
                .post("/api/v1/comments/" + comment[0] + "/moderation").then().statusCode(200);
        await().atMost(PATIENCE).until(() -> typesFor("comment", comment[0]).contains("comment.approved"));
        assertThat(typesFor("comment", comment[0])).containsExactly("comment.created", "comment.approved");
        assertThat(unverified).isEmpty();
    }

    private List<String> typesFor(String aggregateType, long id) {
        return received.stream().filter(e -> e.path("type").asText().startsWith(aggregateType + ".")
                        && e.path("data").path("id").asLong() == id)
                .map(e -> e.path("type").asText()).toList();
    }

    record Row(String id, boolean dispatched) {
    }

    private Row outboxRow(long commentId, String type) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id::text, dispatched_at IS NOT NULL FROM outbox_event "
                     + "WHERE aggregate_type = 'comment' AND aggregate_id = ? AND type = ?")) {
            ps.setLong(1, commentId);
            ps.setString(2, type);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return new Row(rs.getString(1), rs.getBoolean(2));
            }
        }
    }
}
