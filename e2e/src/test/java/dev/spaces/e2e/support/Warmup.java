package dev.spaces.e2e.support;

import io.restassured.response.Response;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One pass over the write and search paths before the scenarios. Just started, each JVM runs its first request of
 * a kind slowly (class loading, JIT, KaTeX loading into a GraalJS context): on a busy two-core machine a first
 * comment took longer than the gateway's 15 s write timeout. The scenarios are about behaviour, so they start
 * on a warm stack; the warm-up is done by {@code editor}, whom no scenario uses for comments.
 */
final class Warmup {

    private static final long SEED_ARTICLE = 2;

    private Warmup() {
    }

    static Duration run(Api api) {
        long start = System.nanoTime();
        Poll.until("content-service rendering a preview", Duration.ofMinutes(2), Duration.ofSeconds(1),
                () -> api.json(api.anonymous(), Map.of("markdown", "预热 $\\sum_{i=1}^n i = \\frac{n(n+1)}{2}$"))
                        .post("/api/v1/preview"), r -> r.statusCode() == 200);
        Poll.until("search answering", Duration.ofMinutes(2), Duration.ofSeconds(1),
                () -> api.as("editor").queryParam("q", "梯度下降").get("/api/v1/search"), r -> r.statusCode() == 200);
        Poll.until("formula search answering", Duration.ofMinutes(2), Duration.ofSeconds(1),
                () -> api.as("editor").queryParam("latex", "x^2").get("/api/v1/search/formulas"),
                r -> r.statusCode() == 200);

        String body = "预热评论 $e^{i\\theta} = \\cos\\theta + i\\sin\\theta$ " + System.nanoTime();
        Response posted = api.json(api.as("editor"), Map.of("body", body))
                .post("/api/v1/articles/{id}/comments", SEED_ARTICLE);
        // a 504 means the gateway stopped waiting, not that comment-service stopped working: find the comment
        long id = posted.statusCode() == 201 ? posted.jsonPath().getLong("id")
                : Poll.until("the warm-up comment stored", Duration.ofMinutes(2), Duration.ofSeconds(1),
                        () -> ownComments(api, body), ids -> !ids.isEmpty()).value().getFirst();
        Response deleted = api.as("editor").delete("/api/v1/comments/{id}", id);
        if (deleted.statusCode() != 204) {
            throw new IllegalStateException("warm-up comment not deleted: " + deleted.statusCode() + " " + deleted.asString());
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static List<Long> ownComments(Api api, String body) {
        Response thread = api.as("editor").get("/api/v1/articles/{id}/comments?sort=newest", SEED_ARTICLE);
        if (thread.statusCode() != 200) {
            return List.of();
        }
        String plain = body.substring(body.lastIndexOf(' ') + 1);
        return thread.jsonPath().getList("items.findAll { it.bodyHtml.contains('" + plain + "') }.id", Long.class);
    }
}
