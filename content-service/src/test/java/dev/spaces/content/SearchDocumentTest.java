package dev.spaces.content;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.spaces.content.TestSupport.anonymous;
import static dev.spaces.content.TestSupport.article;
import static dev.spaces.content.TestSupport.author;
import static dev.spaces.content.TestSupport.editor;
import static dev.spaces.content.TestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** The search-document feed: published articles only, exact field contract, keyset paging, bad parameters. */
@QuarkusTest
class SearchDocumentTest {

    static final String MARKDOWN = """
            # 变分推断

            设 $q(z)$ 逼近后验 & 取 <b>KL</b> 散度:

            $$\\mathrm{KL}(q\\Vert p) = \\int q\\log\\frac{q}{p}$$

            <!--more-->

            第二段,含 `code` 与 $\\frac{a}{b}$。
            """;

    static long create(Map<String, Object> body) {
        return author().body(body).post("/api/v1/articles").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static long published(String title) {
        return published(title, "正文,没有公式。");
    }

    static long published(String title, String markdown) {
        long id = create(article(title, markdown));
        author().post("/api/v1/articles/" + id + "/publish").then().statusCode(200);
        return id;
    }

    @Test
    void documentCarriesTheContract() {
        String suffix = String.valueOf(System.nanoTime());
        editor().body(Map.of("name", "推断" + suffix, "slug", "infer-" + suffix)).post("/api/v1/categories")
                .then().statusCode(201);
        editor().body(Map.of("title", "贝叶斯系列" + suffix, "slug", "bayes-" + suffix)).post("/api/v1/series")
                .then().statusCode(201);
        String title = unique("变分推断");
        long id = create(Map.of("title", title, "markdown", MARKDOWN, "category", "infer-" + suffix,
                "series", "bayes-" + suffix, "seriesPosition", 1, "tags", List.of("变分", "Bayes")));
        author().post("/api/v1/articles/" + id + "/publish").then().statusCode(200);

        JsonPath doc = anonymous().get("/api/v1/articles/" + id + "/search-document").then().statusCode(200)
                .contentType("application/json").header("Cache-Control", "no-cache").extract().jsonPath();
        JsonPath article = anonymous().get("/api/v1/articles/" + id).then().statusCode(200).extract().jsonPath();

        assertThat(doc.getMap("")).containsOnlyKeys("id", "version", "slug", "title", "text", "formulas", "excerpt",
                "category", "tags", "series", "author", "publishedAt", "updatedAt", "reads", "url");
        assertThat(doc.getLong("id")).isEqualTo(id);
        assertThat(doc.getLong("version")).isEqualTo(article.getLong("version"));
        assertThat(doc.getString("slug")).isEqualTo(article.getString("slug"));
        assertThat(doc.getString("title")).isEqualTo(title);
        assertThat(doc.getList("formulas", String.class)).containsExactly("q(z)",
                "\\mathrm{KL}(q\\Vert p) = \\int q\\log\\frac{q}{p}", "\\frac{a}{b}");
        assertThat(doc.getString("text")).contains("变分推断", "逼近后验", "第二段", "code")
                .doesNotContain("\\frac", "q(z)", "$", "#", "<b>", "`");
        assertThat(doc.getString("excerpt")).contains("逼近后验").doesNotContain("<", "第二段", "&amp;");
        assertThat(doc.getMap("category")).isEqualTo(Map.of("slug", "infer-" + suffix, "name", "推断" + suffix));
        assertThat(doc.getMap("series")).isEqualTo(Map.of("slug", "bayes-" + suffix, "name", "贝叶斯系列" + suffix));
        assertThat(doc.getList("tags.name", String.class)).containsExactlyInAnyOrder("变分", "Bayes");
        assertThat(doc.getList("tags.slug", String.class)).contains("bayes");
        assertThat(doc.getMap("author")).isEqualTo(article.getMap("author")).containsOnlyKeys("id", "name");
        assertThat(doc.getString("publishedAt")).isEqualTo(article.getString("publishedAt")).endsWith("Z");
        assertThat(doc.getString("updatedAt")).isEqualTo(article.getString("updatedAt"));
        assertThat(doc.getLong("reads")).isZero();
        assertThat(doc.getString("url")).isEqualTo(article.getString("url")).endsWith("/archives/" + id);
    }

    @Test
    void nullTaxonomyIsExplicit() {
        long id = published(unique("无分类"), "正文 $x^2$");
        anonymous().get("/api/v1/articles/" + id + "/search-document").then().statusCode(200)
                .body("category", nullValue()).body("series", nullValue())
                .body("$", org.hamcrest.Matchers.hasKey("category")).body("$", org.hamcrest.Matchers.hasKey("series"))
                .body("tags.size()", equalTo(0)).body("formulas", equalTo(List.of("x^2")));
    }

    @Test
    void onlyPublishedArticlesExist() {
        long draft = create(article(unique("草稿"), "x"));
        long withdrawn = published(unique("撤回"));
        author().post("/api/v1/articles/" + withdrawn + "/unpublish").then().statusCode(200);
        long archived = published(unique("归档"));
        author().delete("/api/v1/articles/" + archived).then().statusCode(204);

        for (long id : new long[]{draft, withdrawn, archived, 999_999_999L}) {
            anonymous().get("/api/v1/articles/" + id + "/search-document").then().statusCode(404)
                    .contentType("application/problem+json");
        }
        // even the author, who may read the draft itself, gets no search document for it
        author().get("/api/v1/articles/" + draft + "/search-document").then().statusCode(404);
        List<Long> all = walk("/api/v1/search-documents", draft - 1, 500);
        assertThat(all).doesNotContain(draft, withdrawn, archived);
        assertThat(walk("/api/v1/search-documents/versions", draft - 1, 10_000))
                .doesNotContain(draft, withdrawn, archived);
    }

    @Test
    void keysetPagingWalksEveryPublishedArticleOnce() {
        long first = published(unique("第一"));
        long draft = create(article(unique("中间草稿"), "x"));
        long second = published(unique("第二"));
        long third = published(unique("第三"));

        JsonPath page = anonymous().get("/api/v1/search-documents?after=" + (first - 1) + "&size=2").then()
                .statusCode(200).header("Cache-Control", "no-cache").extract().jsonPath();
        assertThat(page.getList("items.id", Long.class)).containsExactly(first, second);
        assertThat(page.getLong("next")).isEqualTo(second);
        JsonPath rest = anonymous().get("/api/v1/search-documents?after=" + second + "&size=2").then()
                .statusCode(200).extract().jsonPath();
        assertThat(rest.getList("items.id", Long.class).getFirst()).isEqualTo(third);

        List<Long> walked = walk("/api/v1/search-documents", first - 1, 1);
        assertThat(walked).startsWith(first, second, third).doesNotContain(draft).doesNotHaveDuplicates().isSorted();
        assertThat(walk("/api/v1/search-documents/versions", first - 1, 2)).isEqualTo(walked);

        // past the end: no items, no next
        long last = walked.getLast();
        anonymous().get("/api/v1/search-documents?after=" + last).then().statusCode(200)
                .body("items.size()", equalTo(0)).body("next", nullValue()).body("$", org.hamcrest.Matchers.hasKey("next"));
        // a final page that is exactly full still says null only when nothing follows
        anonymous().get("/api/v1/search-documents?after=" + (last - 1) + "&size=1").then()
                .body("items.id", equalTo(List.of((int) last))).body("next", nullValue());
    }

    @Test
    void versionsFollowEditsAndReads() {
        long id = published(unique("版本"));
        Map<String, Object> before = versionOf(id);
        assertThat(before).containsEntry("reads", 0);

        long version = anonymous().get("/api/v1/articles/" + id).jsonPath().getLong("version");
        author().header("If-Match", "\"" + version + "\"").body(article(unique("版本改"), "新正文 $y$"))
                .put("/api/v1/articles/" + id).then().statusCode(200);
        Map<String, Object> after = versionOf(id);
        assertThat(((Number) after.get("version")).longValue()).isGreaterThan(((Number) before.get("version")).longValue());
        anonymous().get("/api/v1/articles/" + id + "/search-document").then()
                .body("version", equalTo(after.get("version"))).body("formulas", equalTo(List.of("y")))
                .body("text", org.hamcrest.Matchers.containsString("新正文"));

        // reads change without a new version (counting a real view here would make this article "popular" for
        // the seed tests, so the counter's effect is applied directly)
        addReads(id, 7);
        assertThat(versionOf(id)).containsEntry("reads", 7).containsEntry("version", after.get("version"));
        anonymous().get("/api/v1/articles/" + id + "/search-document").then().body("reads", equalTo(7));
    }

    @Test
    void badParametersAre400() {
        for (String query : List.of("after=-1", "after=abc", "after=1.5", "size=0", "size=501", "size=abc",
                "size=1e3", "after=99999999999999999999")) {
            anonymous().get("/api/v1/search-documents?" + query).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(query.substring(0, query.indexOf('='))));
        }
        anonymous().get("/api/v1/search-documents/versions?size=10001").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("size"));
        anonymous().get("/api/v1/search-documents/versions?after=x").then().statusCode(400)
                .contentType("application/problem+json");
        anonymous().get("/api/v1/search-documents/versions?size=10000").then().statusCode(200);
        anonymous().get("/api/v1/search-documents?size=500").then().statusCode(200);
        anonymous().get("/api/v1/articles/abc/search-document").then().statusCode(404)
                .contentType("application/problem+json");
    }

    static void addReads(long id, int reads) {
        var ds = jakarta.enterprise.inject.spi.CDI.current().select(io.agroal.api.AgroalDataSource.class).get();
        try (var c = ds.getConnection();
             var ps = c.prepareStatement("UPDATE article SET reads = reads + ? WHERE id = ?")) {
            ps.setInt(1, reads);
            ps.setLong(2, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> versionOf(long id) {
        JsonPath page = anonymous().get("/api/v1/search-documents/versions?after=" + (id - 1) + "&size=1")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getLong("items[0].id")).isEqualTo(id);
        return page.getMap("items[0]");
    }

    /** Follows next from after to the end, collecting ids. */
    private static List<Long> walk(String path, long after, int size) {
        List<Long> ids = new ArrayList<>();
        Long cursor = after;
        while (cursor != null) {
            JsonPath page = anonymous().get(path + "?after=" + cursor + "&size=" + size).then().statusCode(200)
                    .extract().jsonPath();
            List<Long> items = page.getList("items.id", Long.class);
            ids.addAll(items);
            cursor = page.get("next") == null ? null : page.getLong("next");
            if (cursor != null) {
                assertThat(cursor).isEqualTo(items.getLast());
            }
        }
        return ids;
    }
}
