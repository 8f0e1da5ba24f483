package dev.spaces.content;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.spaces.content.TestSupport.anonymous;
import static dev.spaces.content.TestSupport.author;
import static dev.spaces.content.TestSupport.editor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Studio's series screen: an editor puts a series' parts in a new order (issue 20). */
@QuarkusTest
class SeriesOrderTest {

    private static int counter;

    private record Fixture(String slug, long first, long second, long draft) {
    }

    /** A series with two published parts (1, 2) and a draft (3). */
    private static Fixture series() {
        String slug = "order-" + System.nanoTime() % 1_000_000_000L + "-" + (++counter);
        editor().body(Map.of("title", "排序 " + slug, "slug", slug)).post("/api/v1/series").then().statusCode(201);
        long first = part(slug, "第一部分", 1);
        long second = part(slug, "第二部分", 2);
        long draft = part(slug, "草稿部分", 3);
        author().post("/api/v1/articles/" + first + "/publish").then().statusCode(200);
        author().post("/api/v1/articles/" + second + "/publish").then().statusCode(200);
        return new Fixture(slug, first, second, draft);
    }

    private static long part(String series, String title, int position) {
        return author().body(Map.of("title", title + " " + series, "markdown", "$x^" + position + "$", "series", series,
                        "seriesPosition", position))
                .post("/api/v1/articles").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String etag(String slug) {
        return editor().get("/api/v1/series/" + slug + "/parts").then().statusCode(200).extract().header("ETag");
    }

    private static int revisions(long id) {
        return author().get("/api/v1/articles/" + id + "/revisions").then().statusCode(200).extract().jsonPath()
                .getList("$").size();
    }

    @Test
    void anEditorSeesEveryPartDraftsIncludedInReadingOrder() {
        Fixture f = series();
        editor().get("/api/v1/series/" + f.slug() + "/parts").then().statusCode(200)
                .body("parts.id", equalTo(List.of((int) f.first(), (int) f.second(), (int) f.draft())))
                .body("parts.status", equalTo(List.of("published", "published", "draft")))
                .body("parts.position", equalTo(List.of(1, 2, 3)));
    }

    @Test
    void aReorderIsWhatThePublicReadsAndCreatesNoRevision() {
        Fixture f = series();
        int revisionsBefore = revisions(f.first());
        long articleVersion = anonymous().get("/api/v1/articles/" + f.first()).jsonPath().getLong("version");
        int eventsBefore = OutboxProbe.eventsFor(f.first()).size();

        String oldTag = etag(f.slug());
        String newTag = editor().header("If-Match", oldTag)
                .body(Map.of("articleIds", List.of(f.draft(), f.second(), f.first())))
                .put("/api/v1/series/" + f.slug() + "/parts").then().statusCode(200)
                .body("parts.id", equalTo(List.of((int) f.draft(), (int) f.second(), (int) f.first())))
                .body("parts.position", equalTo(List.of(1, 2, 3)))
                .extract().header("ETag");
        assertThat(newTag).isNotEqualTo(oldTag).isEqualTo(etag(f.slug()));

        // the public sees the published parts in the new order (the draft is not theirs)
        anonymous().get("/api/v1/series/" + f.slug()).then().statusCode(200)
                .body("parts.id", equalTo(List.of((int) f.second(), (int) f.first())));
        anonymous().get("/api/v1/articles/" + f.first()).then().body("series.position", equalTo(3))
                .body("series.previous.id", equalTo((int) f.second()));
        assertThat(revisions(f.first())).isEqualTo(revisionsBefore);
        // the moved article's version moved on: an editor tab holding the old position cannot put it back
        assertThat(anonymous().get("/api/v1/articles/" + f.first()).jsonPath().getLong("version"))
                .isGreaterThan(articleVersion);
        List<Map<String, Object>> events = OutboxProbe.eventsFor(f.first());
        assertThat(events).hasSize(eventsBefore + 1);
        assertThat(events.getLast().get("type")).isEqualTo("article.updated");
        // the second part stayed at position 2: no event for it
        assertThat(OutboxProbe.eventsFor(f.second()).stream().filter(e -> "article.updated".equals(e.get("type"))))
                .isEmpty();
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        Fixture f = series();
        String stale = etag(f.slug());
        editor().header("If-Match", stale).body(Map.of("articleIds", List.of(f.second(), f.first(), f.draft())))
                .put("/api/v1/series/" + f.slug() + "/parts").then().statusCode(200);
        editor().header("If-Match", stale).body(Map.of("articleIds", List.of(f.draft(), f.first(), f.second())))
                .put("/api/v1/series/" + f.slug() + "/parts").then().statusCode(412)
                .contentType("application/problem+json");
        editor().body(Map.of("articleIds", List.of(f.draft(), f.first(), f.second())))
                .put("/api/v1/series/" + f.slug() + "/parts").then().statusCode(428);
        editor().get("/api/v1/series/" + f.slug() + "/parts").then()
                .body("parts.id", equalTo(List.of((int) f.second(), (int) f.first(), (int) f.draft())));
    }

    @Test
    void missingForeignOrRepeatedIdsAre422AtTheField() {
        Fixture f = series();
        Fixture other = series();
        String tag = etag(f.slug());
        for (List<Long> ids : List.of(List.of(f.second(), f.first()),
                List.of(f.second(), f.first(), other.draft()),
                List.of(f.second(), f.first(), f.draft(), other.first()),
                List.of(f.second(), f.first(), f.first()))) {
            editor().header("If-Match", tag).body(Map.of("articleIds", ids))
                    .put("/api/v1/series/" + f.slug() + "/parts").then().statusCode(422)
                    .body("errors[0].field", equalTo("articleIds"));
        }
        editor().get("/api/v1/series/" + f.slug() + "/parts").then().header("ETag", equalTo(tag))
                .body("parts.id", equalTo(List.of((int) f.first(), (int) f.second(), (int) f.draft())));
    }

    @Test
    void authorsMayNeitherReadNorReorderTheParts() {
        Fixture f = series();
        author().get("/api/v1/series/" + f.slug() + "/parts").then().statusCode(403);
        author().header("If-Match", etag(f.slug()))
                .body(Map.of("articleIds", List.of(f.second(), f.first(), f.draft())))
                .put("/api/v1/series/" + f.slug() + "/parts").then().statusCode(403);
        anonymous().get("/api/v1/series/" + f.slug() + "/parts").then().statusCode(401);
        editor().get("/api/v1/series/no-such-series/parts").then().statusCode(404);
    }

    @Test
    void aDuplicateSlugIs409NamingTheField() {
        Fixture f = series();
        editor().body(Map.of("title", "另一个系列 " + f.slug(), "slug", f.slug())).post("/api/v1/series").then()
                .statusCode(409).body("errors[0].field", equalTo("slug"));
    }
}
