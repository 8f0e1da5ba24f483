package dev.spaces.e2e;

import dev.spaces.e2e.support.Api;
import dev.spaces.e2e.support.StackExtension;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenario 1: a reader without an account, through the gateway, over the sample content. */
@Order(1)
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnonymousReadIT {

    private final Api api;
    private Map<String, Object> newest;
    private long total;

    AnonymousReadIT(Api api) {
        this.api = api;
    }

    @BeforeAll
    void newestArticle() {
        Response list = api.anonymous().get("/api/v1/articles?size=5");
        assertThat(list.statusCode()).isEqualTo(200);
        newest = list.jsonPath().getMap("items[0]");
        total = Long.parseLong(list.header("X-Total-Count"));
    }

    @Test
    @Order(1)
    void listsArticlesNewestFirstWithPaging() {
        Response list = api.anonymous().get("/api/v1/articles?size=5");
        assertThat(list.statusCode()).isEqualTo(200);
        List<Map<String, Object>> items = list.jsonPath().getList("items");
        assertThat(items).hasSize(5);
        // 38 seed articles and 140 d2l-zh chapters were imported; nearly all are published
        assertThat(total).isGreaterThan(150);
        List<String> published = list.jsonPath().getList("items.publishedAt");
        assertThat(published).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(list.header("Link")).contains("rel=\"next\"").contains("rel=\"last\"")
                .contains("</api/v1/articles?").doesNotContain("://"); // relative: never the upstream's address
        Response second = api.anonymous().get("/api/v1/articles?size=5&page=2");
        assertThat(second.jsonPath().getList("items.id")).doesNotContainAnyElementsOf(list.jsonPath().getList("items.id"));
    }

    @Test
    @Order(2)
    void opensAnArticleByIdAndBySlug() {
        long id = ((Number) newest.get("id")).longValue();
        Response byId = api.anonymous().get("/api/v1/articles/{id}", id);
        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(byId.jsonPath().getString("title")).isEqualTo(newest.get("title"));
        assertThat(byId.jsonPath().getString("html")).isNotBlank();
        assertThat(byId.jsonPath().getString("markdown")).as("source is for editors only").isNull();

        Response bySlug = api.anonymous().get("/api/v1/articles/slug/{slug}", newest.get("slug"));
        assertThat(bySlug.statusCode()).isEqualTo(200);
        assertThat(bySlug.jsonPath().getLong("id")).isEqualTo(id);

        // a seed article with formulas: they are listed and marked for MathJax/KaTeX in the HTML
        Response withMath = api.anonymous().queryParam("latex", "\\|x-y\\|^2")
                .get("/api/v1/search/formulas");
        assertThat(withMath.statusCode()).isEqualTo(200);
        long mathId = withMath.jsonPath().getLong("hits[0].id");
        Response article = api.anonymous().get("/api/v1/articles/{id}", mathId);
        assertThat(article.jsonPath().getList("formulas")).isNotEmpty();
        assertThat(article.jsonPath().getString("html")).contains("class=\"math");

        assertThat(api.anonymous().get("/api/v1/articles/{id}", 987_654_321L).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void composedArticlePage() {
        long id = ((Number) newest.get("id")).longValue();
        Response page = api.anonymous().get("/api/v1/articles/{id}/page", id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.jsonPath().getLong("article.id")).isEqualTo(id);
        assertThat(page.jsonPath().getList("degraded")).isNullOrEmpty();
        assertThat(page.jsonPath().getLong("commentCount")).isGreaterThanOrEqualTo(0);
    }

    @Test
    @Order(4)
    void archiveTagsSeriesAndCategories() {
        Response archive = api.anonymous().get("/api/v1/archive");
        assertThat(archive.statusCode()).isEqualTo(200);
        List<Integer> counts = archive.jsonPath().getList("count");
        assertThat(counts).isNotEmpty().allMatch(c -> c > 0);
        assertThat(counts.stream().mapToLong(Integer::longValue).sum()).isEqualTo(total);

        Response tags = api.anonymous().get("/api/v1/tags");
        assertThat(tags.statusCode()).isEqualTo(200);
        assertThat(tags.jsonPath().getList("slug")).contains("d2l");

        Response series = api.anonymous().get("/api/v1/series");
        assertThat(series.statusCode()).isEqualTo(200);
        String slug = series.jsonPath().getString("find { it.articleCount > 1 }.slug");
        assertThat(slug).as("a d2l-zh chapter is a series").isNotNull();
        Response one = api.anonymous().get("/api/v1/series/{slug}", slug);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.jsonPath().getString("title")).isNotBlank();

        Response categories = api.anonymous().get("/api/v1/categories");
        assertThat(categories.statusCode()).isEqualTo(200);
        assertThat(categories.jsonPath().getList("slug")).isNotEmpty();
    }

    @Test
    @Order(5)
    void feedsAndSitemap() {
        Response rss = api.anonymous().get("/feed");
        assertThat(rss.statusCode()).isEqualTo(200);
        assertThat(rss.contentType()).startsWith("application/rss+xml");
        assertThat(rss.asString()).contains("<rss").contains((String) newest.get("title"));

        Response atom = api.anonymous().get("/feed/atom");
        assertThat(atom.statusCode()).isEqualTo(200);
        assertThat(atom.asString()).contains("<feed").contains("http://www.w3.org/2005/Atom");

        Response byTag = api.anonymous().get("/feed/tag/d2l");
        assertThat(byTag.statusCode()).isEqualTo(200);
        assertThat(byTag.asString()).contains("<item>");

        Response sitemap = api.anonymous().get("/sitemap.xml");
        assertThat(sitemap.statusCode()).isEqualTo(200);
        assertThat(sitemap.asString()).contains("<urlset");
    }

    @Test
    @Order(6)
    void citations() {
        long id = ((Number) newest.get("id")).longValue();
        Response bibtex = api.anonymous().get("/api/v1/articles/{id}/citation?format=bibtex", id);
        assertThat(bibtex.statusCode()).isEqualTo(200);
        assertThat(bibtex.asString()).startsWith("@").contains("kexuefm-" + id).contains((String) newest.get("title"));

        Response ris = api.anonymous().accept("application/x-research-info-systems")
                .get("/api/v1/articles/{id}/citation", id);
        assertThat(ris.statusCode()).isEqualTo(200);
        assertThat(ris.asString()).contains("TY  -");
    }

    @Test
    @Order(7)
    void etagRevalidationAnswers304() {
        long id = ((Number) newest.get("id")).longValue();
        for (String path : List.of("/api/v1/articles/" + id, "/api/v1/articles?size=5", "/api/v1/tags")) {
            Response first = api.anonymous().get(path);
            String etag = first.header("ETag");
            assertThat(etag).as("ETag of %s", path).isNotBlank();
            Response again = api.anonymous().header("If-None-Match", etag).get(path);
            assertThat(again.statusCode()).as("revalidating %s", path).isEqualTo(304);
            assertThat(again.asString()).isEmpty();
            // the same validator; weak once the gateway's gzip copy answers (made moments after the first fill), as
            // nginx does: the bytes differ from the identity copy's, the content does not (RFC 9110 §8.8.1)
            assertThat(again.header("ETag").replaceFirst("^W/", "")).isEqualTo(etag.replaceFirst("^W/", ""));
            Response stale = api.anonymous().header("If-None-Match", "\"not-the-current-one\"").get(path);
            assertThat(stale.statusCode()).isEqualTo(200);
        }
    }
}
