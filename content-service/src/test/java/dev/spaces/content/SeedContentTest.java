package dev.spaces.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.spaces.content.TestSupport.admin;
import static dev.spaces.content.TestSupport.anonymous;
import static dev.spaces.content.TestSupport.editor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** The 38 seed articles of the modelled blog, imported through the API, read back through the public API. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class SeedContentTest {

    private JsonNode fixture;
    private String fixtureJson;

    /** Once per class, but after Quarkus has started (the HTTP port is only known then). */
    @BeforeEach
    void importSeedTwice() throws Exception {
        if (fixture != null) {
            return;
        }
        Path file = Path.of(System.getProperty("spaces.shared.dir", "../../shared"), "fixtures", "seed-articles.json");
        fixtureJson = Files.readString(file);
        fixture = new ObjectMapper().readTree(fixtureJson);
        admin().body(fixtureJson).post("/api/v1/import").then().statusCode(200);
        admin().body(fixtureJson).post("/api/v1/import").then().statusCode(200)
                .body("created", equalTo(0)).body("unchanged", equalTo(38));
    }

    @Test
    void importIsIdempotentAndAdminOnly() {
        JsonPath all = editor().get("/api/v1/articles?size=100&status=draft").jsonPath();
        long seedDrafts = all.getList("items.author.name").stream().filter("苏剑林"::equals).count();
        long published = anonymous().get("/api/v1/articles?size=100").jsonPath().getList("items.author.name")
                .stream().filter("苏剑林"::equals).count();
        assertThat(published).isEqualTo(37);
        assertThat(seedDrafts).isEqualTo(1);
        editor().body(fixtureJson).post("/api/v1/import").then().statusCode(403);
        anonymous().body(fixtureJson).post("/api/v1/import").then().statusCode(401);
    }

    @Test
    void archiveCountsMatchTheFixture() {
        Map<String, Integer> expected = new TreeMap<>();
        for (SeedTitle t : seedTitles()) {
            if (t.date != null) {
                expected.merge(t.date.getYear() + "-" + t.date.getMonthValue(), 1, Integer::sum);
            }
        }
        List<Map<String, Object>> archive = anonymous().get("/api/v1/archive").then().statusCode(200)
                .extract().jsonPath().getList("");
        Map<String, Integer> actual = new TreeMap<>();
        for (Map<String, Object> entry : archive) {
            int year = (Integer) entry.get("year");
            if (year <= 2019) {
                actual.put(year + "-" + entry.get("month"), ((Number) entry.get("count")).intValue());
            }
        }
        assertThat(actual).isEqualTo(expected);
        // newest first
        assertThat(archive.getFirst().get("year").toString().compareTo(archive.getLast().get("year").toString()))
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void tagCountsMatchTheFixture() {
        anonymous().get("/api/v1/tags").then().statusCode(200)
                .body("find { it.name == 'faq' }.articleCount", equalTo(1))
                .body("find { it.name == '网站' }.articleCount", equalTo(1));
        anonymous().get("/api/v1/categories").then().statusCode(200)
                .body("find { it.name == '问题百科' }.articleCount", equalTo(1));
    }

    @Test
    void seriesAreInPublicationOrder() {
        Map<String, List<SeedTitle>> bySeries = new TreeMap<>();
        for (SeedTitle t : seedTitles()) {
            if (t.series != null && t.date != null) {
                bySeries.computeIfAbsent(t.series, s -> new ArrayList<>()).add(t);
            }
        }
        JsonPath series = anonymous().get("/api/v1/series").then().statusCode(200).extract().jsonPath();
        for (var entry : bySeries.entrySet()) {
            List<String> expected = entry.getValue().stream()
                    .sorted((a, b) -> a.date.compareTo(b.date)).map(t -> t.title).toList();
            String slug = series.getString("find { it.title == '" + entry.getKey() + "' }.slug");
            assertThat(slug).as("series %s", entry.getKey()).isNotNull();
            List<String> titles = anonymous().get("/api/v1/series/" + slug).then().statusCode(200)
                    .extract().jsonPath().getList("parts.title");
            assertThat(titles).as("series %s", entry.getKey()).isEqualTo(expected);
        }
        // series navigation on an article
        String keras = series.getString("find { it.title == '让Keras更酷一些' }.slug");
        JsonPath parts = anonymous().get("/api/v1/series/" + keras).jsonPath();
        long second = parts.getLong("parts[1].id");
        anonymous().get("/api/v1/articles/" + second).then().statusCode(200)
                .body("series.position", equalTo(2))
                .body("series.previous.id", equalTo(parts.getInt("parts[0].id")))
                .body("series.next.id", equalTo(parts.getInt("parts[2].id")));
    }

    @Test
    void citationsReproduceTheBlogsFormat() {
        long id = idOf("闲聊:神经网络与深度学习");
        anonymous().get("/api/v1/articles/" + id + "/citation?format=text").then().statusCode(200)
                .contentType(containsString("text/plain"))
                .body(equalTo("苏剑林. (Jun. 06, 2015). 《闲聊:神经网络与深度学习》[Blog post]. Retrieved from "
                        + "http://localhost:8080/archives/" + id));
        anonymous().get("/api/v1/articles/" + id + "/citation?format=bibtex").then().statusCode(200)
                .body(equalTo("@online{kexuefm-" + id + ",\n"
                        + "        title={闲聊:神经网络与深度学习},\n"
                        + "        author={苏剑林},\n"
                        + "        year={2015},\n"
                        + "        month={Jun},\n"
                        + "        url={\\url{http://localhost:8080/archives/" + id + "}},\n"
                        + "}"));
        anonymous().accept("application/x-bibtex").get("/api/v1/articles/" + id + "/citation").then()
                .statusCode(200).body(containsString("@online{kexuefm-" + id));
        anonymous().get("/api/v1/articles/" + id + "/citation?format=ris").then().statusCode(200)
                .body(containsString("TY  - BLOG")).body(containsString("DA  - 2015/06/06/"));
        anonymous().get("/api/v1/articles/" + id + "/citation?format=csl-json").then().statusCode(200)
                .body("[0].type", equalTo("post-weblog")).body("[0].issued.'date-parts'[0][1]", equalTo(6));
        anonymous().get("/api/v1/articles/" + id + "/citation?format=gbt7714").then().statusCode(200)
                .body(containsString("苏剑林. 闲聊:神经网络与深度学习[EB/OL]. (2015-06-06)["));
        anonymous().get("/api/v1/articles/" + id + "/citation?format=biblatex").then().statusCode(200)
                .body(containsString("date         = {2015-06-06}"));
        // TeX specials in titles are escaped in BibTeX
        long special = idOf("漫话模型|模型与选芒果");
        anonymous().get("/api/v1/articles/" + special + "/citation?format=bibtex").then()
                .body(containsString("title={漫话模型|模型与选芒果}"));
    }

    @Test
    void listingsPaginateWithLinks() {
        var response = anonymous().get("/api/v1/articles?size=5&page=2").then().statusCode(200)
                .body("page", equalTo(2)).body("size", equalTo(5))
                .body("total", greaterThanOrEqualTo(37))
                .header("Link", containsString("rel=\"next\""))
                .header("Link", containsString("rel=\"prev\""))
                .header("Link", containsString("page=3"))
                // relative references: behind the gateway the service's own address must not reach clients
                .header("Link", startsWith("</api/v1/articles?"))
                .header("Link", not(containsString("://")))
                .extract();
        assertThat(response.jsonPath().getList("items")).hasSize(5);
        anonymous().get("/api/v1/articles?year=2019&month=7&size=50").then().statusCode(200)
                .body("items.title", hasItem("你跳绳的时候,想过绳子的形状曲线是怎样的吗?"))
                .body("items.title", not(hasItem("seq2seq之双向解码")));
        anonymous().get("/api/v1/articles?sort=reads&size=1").then().statusCode(200)
                .body("items[0].title", equalTo("细水长flow之RealNVP与Glow:流模型的传承与升华"));
        anonymous().get("/api/v1/articles?tag=faq").then().statusCode(200)
                .body("items[0].title", equalTo("科学空间浏览指南(FAQ)"));
    }

    @Test
    void conditionalGetsAnswer304() {
        long id = idOf("斯特灵(stirling)公式与渐近级数");
        var first = anonymous().get("/api/v1/articles/" + id).then().statusCode(200)
                .header("ETag", notNullValue()).header("Last-Modified", notNullValue())
                .header("Cache-Control", equalTo("public, max-age=60")).extract();
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"").doesNotStartWith("W/");
        anonymous().header("If-None-Match", etag).get("/api/v1/articles/" + id).then().statusCode(304);
        anonymous().header("If-Modified-Since", first.header("Last-Modified")).get("/api/v1/articles/" + id)
                .then().statusCode(304);
        anonymous().header("If-None-Match", "\"other\"").get("/api/v1/articles/" + id).then().statusCode(200);
        for (String path : List.of("/api/v1/articles", "/api/v1/tags", "/api/v1/archive", "/api/v1/series",
                "/api/v1/categories", "/feed", "/sitemap.xml")) {
            String tag = anonymous().get(path).then().statusCode(200).extract().header("ETag");
            assertThat(anonymous().header("If-None-Match", tag).get(path).statusCode()).as(path).isEqualTo(304);
        }
    }

    @Test
    void feedsAreValidAndFullText() throws Exception {
        for (String path : List.of("/feed", "/feed/atom", "/feed/tag/faq", "/feed/tag/faq/atom")) {
            byte[] xml = anonymous().get(path).then().statusCode(200).extract().asByteArray();
            SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(xml)));
            assertThat(feed.getEntries()).as(path).isNotEmpty();
            assertThat(feed.getEntries().getFirst().getContents()).as(path).isNotEmpty();
        }
        anonymous().get("/feed/tag/no-such-tag").then().statusCode(404);
        String sitemap = anonymous().get("/sitemap.xml").then().statusCode(200).extract().asString();
        assertThat(sitemap).contains("<urlset").contains("http://localhost:8080/archives/" + idOf("seq2seq之双向解码"));
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(sitemap.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void popularAndRelated() {
        anonymous().get("/api/v1/articles/popular?days=30&limit=3").then().statusCode(200)
                .body("[0].title", equalTo("细水长flow之RealNVP与Glow:流模型的传承与升华"));
        long flow = idOf("细水长flow之可逆ResNet:极致的暴力美学");
        List<Integer> related = anonymous().get("/api/v1/articles/" + flow + "/related?limit=5").then()
                .statusCode(200).extract().jsonPath().getList("id");
        assertThat(related).doesNotContain((int) flow).contains(idOf("细水长flow之RealNVP与Glow:流模型的传承与升华").intValue());
    }

    @Test
    void viewsCountOncePerVisitorAndNeverForBots() throws Exception {
        long id = idOf("HSIC简介:一个有意思的判断相关性的思路");
        long before = anonymous().get("/api/v1/articles/" + id).jsonPath().getLong("reads");
        anonymous().header("User-Agent", "Mozilla/5.0 reader-one").post("/api/v1/articles/" + id + "/views")
                .then().statusCode(202).body("counted", equalTo(true));
        anonymous().header("User-Agent", "Mozilla/5.0 reader-one").post("/api/v1/articles/" + id + "/views")
                .then().statusCode(202).body("counted", equalTo(false));
        anonymous().header("User-Agent", "Googlebot/2.1").post("/api/v1/articles/" + id + "/views")
                .then().statusCode(202).body("counted", equalTo(false));
        // a different client behind the trusted local proxy is another visitor
        anonymous().header("User-Agent", "Mozilla/5.0 reader-one").header("X-Forwarded-For", "203.0.113.9")
                .post("/api/v1/articles/" + id + "/views").then().statusCode(202).body("counted", equalTo(true));
        anonymous().post("/api/v1/articles/999999/views").then().statusCode(404);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(anonymous().get("/api/v1/articles/" + id).jsonPath().getLong("reads"))
                        .isEqualTo(before + 2));
    }

    @Test
    void thousandConcurrentViewsAreAllCounted() throws Exception {
        long id = idOf("什么时候多进程的加速比可以大于1?");
        long before = anonymous().get("/api/v1/articles/" + id).jsonPath().getLong("reads");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(32);
        List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int n = i;
            results.add(pool.submit(() -> anonymous().header("User-Agent", "Mozilla/5.0 visitor-" + n)
                    .post("/api/v1/articles/" + id + "/views").statusCode()));
        }
        for (var r : results) {
            assertThat(r.get()).isEqualTo(202);
        }
        pool.shutdown();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(anonymous().get("/api/v1/articles/" + id).jsonPath().getLong("reads"))
                        .isEqualTo(before + 1000));
    }

    private Long idOf(String title) {
        return anonymous().get("/api/v1/articles?size=100").jsonPath()
                .getLong("items.find { it.title == '" + title + "' }.id");
    }

    private record SeedTitle(String title, LocalDate date, String series) {
    }

    private List<SeedTitle> seedTitles() {
        List<SeedTitle> titles = new ArrayList<>();
        for (JsonNode a : fixture) {
            String date = a.path("publishedOn").isNull() ? null : a.path("publishedOn").asText(null);
            titles.add(new SeedTitle(a.get("title").asText(), date == null ? null : LocalDate.parse(date),
                    a.path("series").isNull() ? null : a.path("series").asText(null)));
        }
        return titles;
    }
}
