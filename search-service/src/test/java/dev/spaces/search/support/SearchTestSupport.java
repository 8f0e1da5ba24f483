package dev.spaces.search.support;

import dev.spaces.commons.testing.TestTokens;
import dev.spaces.commons.testing.elasticsearch.ElasticsearchTestResource;
import dev.spaces.commons.webhooks.StandardWebhooks;
import dev.spaces.search.client.SearchDocument;
import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * One Elasticsearch node and one fake content-service for every test class of the module (the resources apply
 * to all tests, so Quarkus starts the application once).
 */
@QuarkusTestResource(ElasticsearchTestResource.class)
@QuarkusTestResource(FakeContentService.class)
public final class SearchTestSupport {

    /** The %test profile's webhook secret. */
    public static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private SearchTestSupport() {
    }

    /** A small article as content-service's feed would serve it. */
    public static SearchDocument article(long id, long version, String title, String text) {
        return article(id, version, title, text, 3);
    }

    public static SearchDocument article(long id, long version, String title, String text, long reads) {
        Instant published = Instant.parse("2024-05-01T10:00:00Z");
        return new SearchDocument(id, version, "article-" + id, title, text, List.of(), text,
                new SearchDocument.Term("notes", "随笔"), List.of(new SearchDocument.Term("info", "信息论")), null,
                new SearchDocument.Author("a", "作者"), published, published.plusSeconds(version), reads,
                "https://spaces.test/" + id);
    }

    /** The published set of the fake content-service as {id → version}. */
    public static Map<Long, Long> publishedVersions() {
        Map<Long, Long> versions = new TreeMap<>();
        FakeContentService.PUBLISHED.forEach((id, document) -> versions.put(id, document.version()));
        return versions;
    }

    /** Sends a signed content event as content-service's webhook dispatcher would. */
    public static Response sendEvent(String type, long id, long version) {
        String body = "{\"type\":\"" + type + "\",\"timestamp\":\"" + Instant.now() + "\",\"data\":{\"schemaVersion\":1,"
                + "\"id\":" + id + ",\"version\":" + version + ",\"slug\":\"a-" + id + "\",\"status\":\"x\"}}";
        String messageId = "msg_" + UUID.randomUUID();
        long timestamp = Instant.now().getEpochSecond();
        return RestAssured.given().contentType(ContentType.JSON)
                .header(StandardWebhooks.ID_HEADER, messageId)
                .header(StandardWebhooks.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(StandardWebhooks.SIGNATURE_HEADER, StandardWebhooks.signatureHeader(List.of(SECRET), messageId, timestamp, body))
                .body(body).post("/api/v1/search/events");
    }

    private static volatile boolean searchable;

    /**
     * Waits (once per run) until a search answers 200: the first queries against a cold test node on a loaded CI
     * box can outlast the search timeout, and their 503s (correct behaviour) would fail tests about other things.
     */
    public static void awaitSearchable() {
        if (searchable) {
            return;
        }
        await(Duration.ofMinutes(3), () -> RestAssured.given().queryParam("q", "梯度").get("/api/v1/search").statusCode() == 200);
        searchable = true;
    }

    /** Ids of the hits of a search. */
    public static List<Long> searchIds(String q, int size) {
        awaitSearchable();
        // a 503 (a search that outlasted the timeout on a loaded CI box) is correct behaviour, not what callers test
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            io.restassured.response.Response response = RestAssured.given().queryParam("q", q).queryParam("size", size)
                    .get("/api/v1/search");
            if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                return response.then().statusCode(200).extract().jsonPath().getList("hits.id", Long.class);
            }
            pause(Duration.ofMillis(200));
        }
    }

    /** Rebuilds the index through the admin API and waits for the job to succeed. */
    public static void reindex() {
        String job = TestTokens.as("admin", "admin").post("/api/v1/search/reindex")
                .then().statusCode(202).extract().jsonPath().getString("jobId");
        await(Duration.ofMinutes(3), () -> {
            String state = TestTokens.as("admin", "admin").get("/api/v1/search/reindex/" + job)
                    .then().statusCode(200).extract().jsonPath().getString("state");
            if (state.equals("failed")) {
                throw new AssertionError("Reindex failed");
            }
            return state.equals("succeeded");
        });
    }

    /** Polls until the condition holds or the deadline passes. */
    public static void await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within " + timeout);
            }
            pause(Duration.ofMillis(100));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
