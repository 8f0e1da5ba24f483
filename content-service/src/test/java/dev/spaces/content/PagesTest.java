package dev.spaces.content;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.spaces.content.TestSupport.admin;
import static dev.spaces.content.TestSupport.anonymous;
import static dev.spaces.content.TestSupport.as;
import static dev.spaces.content.TestSupport.author;
import static dev.spaces.content.TestSupport.editor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PagesTest {

    private static int counter;

    /** A slug no other test uses (slugs are lower-case letters, digits and single hyphens). */
    private static String slug(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + (++counter);
    }

    private static Map<String, Object> page(String title, String slug, String markdown, String status,
                                            Integer menuOrder) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("markdown", markdown);
        if (slug != null) {
            body.put("slug", slug);
        }
        if (status != null) {
            body.put("status", status);
        }
        if (menuOrder != null) {
            body.put("menuOrder", menuOrder);
        }
        return body;
    }

    private static ExtractableResponse<Response> create(Map<String, Object> body) {
        return editor().body(body).post("/api/v1/pages").then().statusCode(201).extract();
    }

    @Test
    void anEditorPublishesAPageWithFormulasAndAnyoneReadsIt() {
        String slug = slug("about");
        ExtractableResponse<Response> created = create(page("关于", slug, "质能方程 $E=mc^2$,以及\n\n$$\\int_0^1 x\\,dx$$\n",
                "published", 1));
        assertThat(created.header("Location")).endsWith("/api/v1/pages/" + slug);
        assertThat(created.header("ETag")).isNotBlank();
        assertThat(created.jsonPath().getString("markdown")).startsWith("质能方程");

        String siteUrl = anonymous().get("/api/v1/site").jsonPath().getString("siteUrl");
        String etag = anonymous().get("/api/v1/pages/" + slug).then().statusCode(200)
                .body("title", equalTo("关于")).body("status", equalTo("published"))
                .body("html", containsString("<math")).body("formulas", hasSize(2))
                .body("url", equalTo(siteUrl + "/pages/" + slug))
                .body("publishedAt", notNullValue())
                .body("markdown", nullValue()) // the source is for editors
                .extract().header("ETag");
        anonymous().header("If-None-Match", etag).get("/api/v1/pages/" + slug).then().statusCode(304);
        anonymous().get("/api/v1/pages/" + slug + "?math=tex").then().statusCode(200)
                .body("html", containsString("\\(E&#61;mc^2\\)")).body("html", not(containsString("<math")));
        anonymous().get("/api/v1/pages").then().statusCode(200).body("slug", hasItem(slug))
                .body("find { it.slug == '" + slug + "' }.menuOrder", equalTo(1));
    }

    /** seo: the reader site's addresses of published pages are in the sitemap, drafts are not. */
    @Test
    void theSitemapListsPublishedPagesAtTheReaderSitesAddressButNotDrafts() {
        String published = slug("faq");
        String draft = slug("hidden");
        create(page("常见问题", published, "问答", "published", null));
        create(page("未完成", draft, "草稿", null, null));
        String siteUrl = anonymous().get("/api/v1/site").jsonPath().getString("siteUrl");
        String sitemap = anonymous().get("/sitemap.xml").then().statusCode(200).extract().asString();
        assertThat(sitemap).contains("<loc>" + siteUrl + "/pages/" + published + "</loc>")
                .doesNotContain(draft).contains("<loc>" + siteUrl + "/</loc>");
    }

    @Test
    void draftPagesAreInvisibleToAnonymousReadersAndListedForEditors() {
        String slug = slug("draft");
        create(page("草稿页", slug, "还没写完 $x$", null, null));
        anonymous().get("/api/v1/pages/" + slug).then().statusCode(404).contentType("application/problem+json");
        author().get("/api/v1/pages/" + slug).then().statusCode(404);
        anonymous().get("/api/v1/pages").then().statusCode(200).body("slug", not(hasItem(slug)));
        anonymous().get("/api/v1/pages?status=draft").then().statusCode(403);
        author().get("/api/v1/pages?status=all").then().statusCode(403);
        anonymous().get("/api/v1/pages?status=secret").then().statusCode(400);

        editor().get("/api/v1/pages?status=draft").then().statusCode(200).body("slug", hasItem(slug))
                .header("Cache-Control", containsString("private"));
        admin().get("/api/v1/pages?status=all").then().statusCode(200).body("slug", hasItem(slug));
        editor().get("/api/v1/pages/" + slug).then().statusCode(200).body("status", equalTo("draft"))
                .body("markdown", equalTo("还没写完 $x$"));
    }

    @Test
    void pagesAreListedInMenuOrderWithPagesOutsideTheMenuLast() {
        String second = slug("menu-b");
        String first = slug("menu-a");
        String outside = slug("menu-none");
        create(page("乙", second, "b", "published", 9002));
        create(page("甲", first, "a", "published", 9001));
        create(page("丙", outside, "c", "published", null));
        List<String> slugs = anonymous().get("/api/v1/pages").then().statusCode(200).extract().jsonPath()
                .getList("slug");
        assertThat(slugs).containsSubsequence(first, second, outside);
    }

    @Test
    void writesNeedTheVersionLastRead() {
        String slug = slug("versioned");
        String etag = create(page("版本", slug, "一", "published", null)).header("ETag");
        // no status: the page stays published (a PUT that fixes a typo does not take it off the site)
        Map<String, Object> change = page("版本二", null, "二", null, null);
        editor().body(change).put("/api/v1/pages/" + slug).then().statusCode(428)
                .contentType("application/problem+json");
        editor().header("If-Match", "\"999\"").body(change).put("/api/v1/pages/" + slug).then().statusCode(412)
                .body("currentVersion", notNullValue());
        String newTag = editor().header("If-Match", etag).body(change).put("/api/v1/pages/" + slug).then()
                .statusCode(200).body("title", equalTo("版本二")).body("slug", equalTo(slug)) // kept when absent
                .extract().header("ETag");
        editor().header("If-Match", etag).body(page("丢失", null, "x", "published", null))
                .put("/api/v1/pages/" + slug).then().statusCode(412);
        anonymous().get("/api/v1/pages/" + slug).then().statusCode(200).body("title", equalTo("版本二"))
                .body("status", equalTo("published"));

        editor().delete("/api/v1/pages/" + slug).then().statusCode(428);
        editor().header("If-Match", etag).delete("/api/v1/pages/" + slug).then().statusCode(412);
        editor().header("If-Match", newTag).delete("/api/v1/pages/" + slug).then().statusCode(204);
        anonymous().get("/api/v1/pages/" + slug).then().statusCode(404);
        editor().get("/api/v1/pages/" + slug).then().statusCode(404);
    }

    @Test
    void onlyEditorsAndAdminsWritePages() {
        String slug = slug("roles");
        author().body(page("作者页", slug, "x", null, null)).post("/api/v1/pages").then().statusCode(403)
                .contentType("application/problem+json");
        as("reader", "member").body(page("读者页", slug, "x", null, null)).post("/api/v1/pages").then()
                .statusCode(403);
        anonymous().body(page("匿名页", slug, "x", null, null)).post("/api/v1/pages").then().statusCode(401);
        admin().body(page("管理员页", slug, "x", "published", null)).post("/api/v1/pages").then().statusCode(201);
        long version = anonymous().get("/api/v1/pages/" + slug).jsonPath().getLong("version");
        author().header("If-Match", "\"" + version + "\"").body(page("改", null, "y", "published", null))
                .put("/api/v1/pages/" + slug).then().statusCode(403);
        author().header("If-Match", "\"" + version + "\"").delete("/api/v1/pages/" + slug).then().statusCode(403);
        editor().body(page("重复", slug, "x", null, null)).post("/api/v1/pages").then().statusCode(409);
    }

    @Test
    void aPublishedPageRefusesFormulasThatDoNotParseButADraftKeepsThem() {
        String bad = "好的 $x^2$ 与坏的 $\\frac{a}{b$\n";
        editor().body(page("坏公式", slug("bad"), bad, "published", null)).post("/api/v1/pages").then()
                .statusCode(422).body("type", endsWith("/invalid-latex")).body("formulas", hasSize(1));
        String slug = slug("bad-draft");
        String etag = editor().body(page("坏公式草稿", slug, bad, null, null)).post("/api/v1/pages").then()
                .statusCode(201).body("diagnostics", hasSize(1)).body("diagnostics[0].line", equalTo(1))
                .extract().header("ETag");
        editor().header("If-Match", etag).body(page("坏公式草稿", null, bad, "published", null))
                .put("/api/v1/pages/" + slug).then().statusCode(422);
        anonymous().get("/api/v1/pages/" + slug).then().statusCode(404);
    }

    @Test
    void pageEventsGoThroughTheOutboxWhenThePublicSeesAChange() {
        String slug = slug("events");
        ExtractableResponse<Response> created = create(page("事件", slug, "a", null, null));
        long id = created.jsonPath().getLong("id");
        String etag = created.header("ETag");
        assertThat(OutboxProbe.eventsFor("page", id)).isEmpty(); // a draft concerns no one yet

        etag = editor().header("If-Match", etag).body(page("事件", null, "b", "published", null))
                .put("/api/v1/pages/" + slug).then().statusCode(200).extract().header("ETag");
        etag = editor().header("If-Match", etag).body(page("事件二", null, "c", "published", 3))
                .put("/api/v1/pages/" + slug).then().statusCode(200).extract().header("ETag");
        etag = editor().header("If-Match", etag).body(page("事件二", null, "c", "draft", 3))
                .put("/api/v1/pages/" + slug).then().statusCode(200).extract().header("ETag");
        etag = editor().header("If-Match", etag).body(page("事件二", null, "c", "published", 3))
                .put("/api/v1/pages/" + slug).then().statusCode(200).extract().header("ETag");
        editor().header("If-Match", etag).delete("/api/v1/pages/" + slug).then().statusCode(204);

        List<Map<String, Object>> events = OutboxProbe.eventsFor("page", id);
        assertThat(events).extracting(e -> e.get("type")).containsExactly(
                "page.published", "page.updated", "page.unpublished", "page.published", "page.deleted");
        assertThat(events).extracting(e -> ((Number) e.get("aggregate_version")).longValue()).isSorted();
        assertThat((String) events.get(1).get("payload")).contains("\"slug\": \"" + slug + "\"")
                .contains("\"title\": \"事件二\"").contains("\"menuOrder\": 3").contains("\"schemaVersion\": 1");
    }
}
