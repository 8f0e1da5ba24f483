package dev.spaces.content;

import dev.spaces.content.readcache.ContentGeneration;
import dev.spaces.content.readcache.rest.PublicReadCache;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.spaces.content.TestSupport.admin;
import static dev.spaces.content.TestSupport.anonymous;
import static dev.spaces.content.TestSupport.article;
import static dev.spaces.content.TestSupport.author;
import static dev.spaces.content.TestSupport.editor;
import static dev.spaces.content.TestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The public read cache, with a time to live far beyond the test so that every change seen here comes from the
 * content generation, never from expiry; and a small byte bound.
 */
@QuarkusTest
@TestProfile(ReadCacheTest.LongLivedSmallCache.class)
class ReadCacheTest {

    static final long MAX_BYTES = 200_000;

    public static class LongLivedSmallCache implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spaces.content.read-cache.time-to-live", "1h",
                    "spaces.content.read-cache.maximum-bytes", String.valueOf(MAX_BYTES));
        }
    }

    @Inject
    MeterRegistry registry;
    @Inject
    PublicReadCache cache;
    @Inject
    ContentGeneration generation;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void anonymousReadsComeFromTheCacheAndLocalWritesShowAtOnce() {
        String title = unique("缓存");
        long id = publish(title, "正文 $x^2$");
        anonymous().get("/api/v1/articles/" + id).then().statusCode(200).body("title", equalTo(title));
        double hits = count("hit");
        var cached = anonymous().get("/api/v1/articles/" + id).then().statusCode(200).body("title", equalTo(title))
                .extract();
        assertThat(count("hit")).isEqualTo(hits + 1);
        assertThat(cached.header("Content-Type")).startsWith("application/json");
        anonymous().get("/api/v1/articles?size=5").then().statusCode(200).body("items.title", hasItem(title));

        // the author's next read on this replica sees the write: no waiting for a notification or a poll
        long version = cached.jsonPath().getLong("version");
        String renamed = unique("缓存改");
        author().header("If-Match", "\"" + version + "\"").body(article(renamed, "新正文"))
                .put("/api/v1/articles/" + id).then().statusCode(200);
        anonymous().get("/api/v1/articles/" + id).then().statusCode(200).body("title", equalTo(renamed));
        anonymous().get("/api/v1/articles?size=5").then().statusCode(200)
                .body("items.title", hasItem(renamed)).body("items.title", not(hasItem(title)));

        author().post("/api/v1/articles/" + id + "/unpublish").then().statusCode(200);
        anonymous().get("/api/v1/articles/" + id).then().statusCode(404);
        anonymous().get("/api/v1/articles?size=5").then().body("items.id", not(hasItem((int) id)));
    }

    @Test
    void hitsAnswerLikeTheRestLayerIncluding304() {
        publish(unique("头部"), "x");
        String path = "/api/v1/articles?size=2&page=2";
        ExtractableResponse<Response> computed = anonymous().get(path).then().statusCode(200).extract();
        double hits = count("hit");
        ExtractableResponse<Response> hit = anonymous().get(path).then().statusCode(200).extract();
        assertThat(count("hit")).isEqualTo(hits + 1);
        assertThat(hit.asByteArray()).isEqualTo(computed.asByteArray());
        for (String header : List.of("ETag", "Cache-Control", "Content-Type", "Link", "X-Total-Count")) {
            assertThat(hit.header(header)).as(header).isNotNull().isEqualTo(computed.header(header));
        }
        anonymous().header("If-None-Match", hit.header("ETag")).get(path).then().statusCode(304)
                .header("ETag", equalTo(hit.header("ETag")));
        anonymous().header("If-None-Match", "\"other\"").get(path).then().statusCode(200);
        assertThat(count("hit")).isEqualTo(hits + 3);
        // no-cache asks the origin: computed afresh (and kept again)
        double misses = count("miss");
        anonymous().header("Cache-Control", "no-cache").get(path).then().statusCode(200)
                .header("ETag", equalTo(hit.header("ETag")));
        assertThat(count("hit")).isEqualTo(hits + 3);
        assertThat(count("miss")).isEqualTo(misses + 1);
        anonymous().get(path).then().statusCode(200);
        assertThat(count("hit")).isEqualTo(hits + 4);

        // feeds keep their own media type and Last-Modified
        ExtractableResponse<Response> feed = anonymous().get("/feed").then().statusCode(200).extract();
        ExtractableResponse<Response> feedHit = anonymous().get("/feed").then().statusCode(200).extract();
        assertThat(feedHit.header("Content-Type")).isEqualTo(feed.header("Content-Type")).contains("rss+xml");
        assertThat(feedHit.header("Last-Modified")).isNotNull().isEqualTo(feed.header("Last-Modified"));
        anonymous().header("If-Modified-Since", feed.header("Last-Modified")).get("/feed").then().statusCode(304);
    }

    @Test
    void anotherReplicasWriteRetiresEntriesWithinThePoll() throws SQLException {
        long id = publish(unique("复制"), "x");
        anonymous().get("/api/v1/articles/" + id).then().statusCode(200).body("reads", equalTo(0));
        long before = dbGeneration();
        // the read counter's flush changes only reads: it must not retire the cache (reads lag by the time to live)
        sql("UPDATE article SET reads = reads + 5 WHERE id = " + id);
        assertThat(dbGeneration()).isEqualTo(before);
        anonymous().get("/api/v1/articles/" + id).then().statusCode(200).body("reads", equalTo(0));

        // another replica's transaction bumps the generation: this replica drops its entries within the poll
        sql("UPDATE content_generation SET generation = generation + 1 WHERE id = 1");
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                anonymous().get("/api/v1/articles/" + id).then().statusCode(200).body("reads", equalTo(5)));
        assertThat(generation.trusted()).isEqualTo(before + 1);

        // and a write through SQL (as another replica's service would make it) bumps it by itself
        String renamed = unique("复制改");
        sql("UPDATE article SET title = '" + renamed + "', version = version + 1 WHERE id = " + id);
        assertThat(dbGeneration()).isEqualTo(before + 2);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                anonymous().get("/api/v1/articles/" + id).then().statusCode(200).body("title", equalTo(renamed)));
    }

    @Test
    void onlyPublicChangesMoveTheGeneration() throws SQLException {
        long draft = author().body(article(unique("草稿"), "x")).post("/api/v1/articles").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long before = dbGeneration();
        long version = author().get("/api/v1/articles/" + draft).jsonPath().getLong("version");
        author().header("If-Match", "\"" + version + "\"").body(Map.of("title", unique("草稿改"), "markdown", "y",
                "tags", List.of(unique("草稿标签").replace(' ', '-')))).put("/api/v1/articles/" + draft)
                .then().statusCode(200);
        // the new tag is public (the tag cloud lists it), editing the draft itself is not
        long afterTag = dbGeneration();
        assertThat(afterTag).isEqualTo(before + 1);
        version = author().get("/api/v1/articles/" + draft).jsonPath().getLong("version");
        author().header("If-Match", "\"" + version + "\"").body(article(unique("草稿再改"), "z"))
                .put("/api/v1/articles/" + draft).then().statusCode(200);
        assertThat(dbGeneration()).isEqualTo(afterTag);
        author().post("/api/v1/articles/" + draft + "/publish").then().statusCode(200);
        assertThat(dbGeneration()).isEqualTo(afterTag + 1);
        author().delete("/api/v1/articles/" + draft).then().statusCode(204);
        assertThat(dbGeneration()).isEqualTo(afterTag + 2);
    }

    @Test
    void draftsAndSourcesNeverComeFromOrGoIntoTheCache() {
        String title = unique("未发布");
        long draft = author().body(article(title, "秘密 $y$")).post("/api/v1/articles").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        double bypasses = count("bypass");
        // a shared cache (a CDN in front) may keep an answer to a request with credentials only if it says public
        editor().get("/api/v1/articles/" + draft).then().statusCode(200).body("markdown", notNullValue())
                .header("Cache-Control", "private, no-cache");
        editor().get("/api/v1/articles?status=draft&size=100").then().statusCode(200).body("items.id", hasItem((int) draft));
        assertThat(count("bypass")).isEqualTo(bypasses + 2);
        for (int i = 0; i < 2; i++) {
            anonymous().get("/api/v1/articles/" + draft).then().statusCode(404);
            anonymous().get("/api/v1/articles?status=draft&size=100").then().statusCode(403);
            anonymous().get("/api/v1/articles?size=100").then().body("items.id", not(hasItem((int) draft)));
        }

        // a published article: the public answer is cached, the editor still gets the source
        long published = publish(unique("源码"), "源码 $z$");
        anonymous().get("/api/v1/articles/" + published).then().statusCode(200);
        anonymous().get("/api/v1/articles/" + published).then().statusCode(200).body("markdown", nullValue());
        editor().get("/api/v1/articles/" + published).then().statusCode(200).body("markdown", equalTo("源码 $z$"));
        anonymous().get("/api/v1/articles/" + published).then().statusCode(200).body("markdown", nullValue());
    }

    @Test
    void unknownParametersAreAnsweredButNotKept() {
        publish(unique("参数"), "x");
        anonymous().get("/api/v1/articles?page=1&junk=1").then().statusCode(200);
        double hits = count("hit");
        anonymous().get("/api/v1/articles?page=1&junk=1").then().statusCode(200);
        anonymous().get("/api/v1/articles?page=1&page=2").then().statusCode(200);
        anonymous().get("/api/v1/articles?page=1&page=2").then().statusCode(200);
        assertThat(count("hit")).isEqualTo(hits);
        // errors are never kept either
        anonymous().get("/api/v1/articles?page=0").then().statusCode(400);
        anonymous().get("/api/v1/articles?page=0").then().statusCode(400).contentType("application/problem+json");
        assertThat(count("hit")).isEqualTo(hits);
    }

    @Test
    void theByteBoundHolds() {
        List<Map<String, Object>> bundle = new ArrayList<>();
        String filler = "长文本填充以占用缓存空间。".repeat(40);
        for (int i = 0; i < 60; i++) {
            bundle.add(Map.of("key", unique("bound"), "title", unique("容量"), "publishedOn", "2020-01-01",
                    "excerptMarkdown", "", "markdown", filler + " $a_" + i + "$"));
        }
        admin().body(bundle).post("/api/v1/import").then().statusCode(200);
        long total = 0;
        for (int size = 1; size <= 60; size++) {
            total += anonymous().get("/api/v1/articles?size=" + size).then().statusCode(200).extract()
                    .asByteArray().length;
        }
        assertThat(total).isGreaterThan(2 * MAX_BYTES);
        assertThat(cache.weightedBytes()).isPositive().isLessThanOrEqualTo(MAX_BYTES);
        assertThat(cache.size()).isLessThan(60);
    }

    private long publish(String title, String markdown) {
        long id = author().body(article(title, markdown)).post("/api/v1/articles").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        author().post("/api/v1/articles/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private double count(String result) {
        return registry.counter("spaces.content.cache.requests", "result", result).count();
    }

    private long dbGeneration() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT generation FROM content_generation")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }
}
