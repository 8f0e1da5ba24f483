package dev.spaces.e2e;

import dev.spaces.e2e.support.Api;
import dev.spaces.e2e.support.Articles;
import dev.spaces.e2e.support.Poll;
import dev.spaces.e2e.support.StackExtension;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 3: members comment with LaTeX, reply and vote; a first comment waits for a moderator; an XSS attempt
 * comes back sanitized; recent comments and counts follow.
 */
@Order(3)
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentsIT {

    /**
     * Anonymous answers are cached by the gateway (max-age 10 s) and purged when comment events reach it; the
     * deadline covers the cache lifetime, and the time it took is printed.
     */
    private static final Duration ANONYMOUS_VIEW_WITHIN = Duration.ofSeconds(75);

    private final Api api;
    private long articleId;
    private long aliceComment;
    private long bobReply;
    private long xssComment;

    CommentsIT(Api api) {
        this.api = api;
    }

    @BeforeAll
    void anArticleOfItsOwn() {
        // a new article: nothing else comments on it, so counts start at zero
        articleId = Articles.publishNew(api, "author", Articles.uniqueWord() + ":评论区测试",
                "变分推断的证据下界:$\\log p(x) \\geq \\mathbb{E}_{q}[\\log p(x,z) - \\log q(z)]$。", List.of());
    }

    @Test
    @Order(1)
    void aCommentWithLatexIsHeldForModeration() {
        // held: more than two links (a member's first comment is held as well)
        Response posted = comment("alice", Map.of("body", "推导很清楚。补充一点:$\\nabla_\\theta \\log p_\\theta(x) = "
                + "\\mathbb{E}\\left[\\frac{\\partial}{\\partial\\theta}\\log p_\\theta(x,z)\\right]$。参考 "
                + "https://arxiv.org/abs/1312.6114 、https://arxiv.org/abs/1401.4082 和 https://kexue.fm/archives/5253"));
        assertThat(posted.statusCode()).isEqualTo(201);
        aliceComment = posted.jsonPath().getLong("id");
        assertThat(posted.jsonPath().getString("status")).isEqualTo("pending");
        assertThat(posted.jsonPath().getString("holdReason")).isNotBlank();
        assertThat(posted.jsonPath().getString("bodyHtml")).contains("<span class=\"math inline\">");
        assertThat(posted.jsonPath().getString("formulas[0].tex")).startsWith("\\nabla_\\theta");

        // pending: shown to its author, not to other members
        assertThat(threadIds(api.as("alice"))).contains(aliceComment);
        assertThat(threadIds(api.as("bob"))).doesNotContain(aliceComment);
        assertThat(counts(api.as("moderator"))).isEqualTo(0);
    }

    @Test
    @Order(2)
    void moderatorApprovesTheHeldComment() {
        Response queue = api.as("moderator").get("/api/v1/moderation/comments?status=pending");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.jsonPath().getList("items.id", Long.class)).contains(aliceComment);

        Response approved = api.json(api.as("moderator"), Map.of("action", "approve", "reason", "e2e"))
                .post("/api/v1/comments/{id}/moderation", aliceComment);
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(approved.jsonPath().getString("status")).isNull(); // approved comments carry no status
        assertThat(threadIds(api.as("bob"))).contains(aliceComment);
        assertThat(counts(api.as("moderator"))).isEqualTo(1);
        var shown = Poll.until("the approved comment in the anonymous thread", ANONYMOUS_VIEW_WITHIN,
                Duration.ofMillis(500), () -> threadIds(api.anonymous()), ids -> ids.contains(aliceComment));
        System.out.printf("[e2e] approved comment visible to anonymous readers after %d ms%n", shown.elapsed().toMillis());
    }

    @Test
    @Order(3)
    void aReplyNestsUnderItsParent() {
        Response reply = comment("bob", Map.of("body", "同意,另外 $\\mathrm{KL}(q\\|p) \\geq 0$。", "parentId", aliceComment));
        assertThat(reply.statusCode()).isEqualTo(201);
        bobReply = reply.jsonPath().getLong("id");
        assertThat(reply.jsonPath().getLong("parentId")).isEqualTo(aliceComment);
        if ("pending".equals(reply.jsonPath().getString("status"))) { // bob's first comment on a fresh stack
            Response approved = api.json(api.as("moderator"), Map.of("action", "approve"))
                    .post("/api/v1/comments/{id}/moderation", bobReply);
            assertThat(approved.statusCode()).isEqualTo(200);
        }

        Response thread = api.as("alice").get("/api/v1/articles/{id}/comments", articleId);
        assertThat(thread.jsonPath().getList("items.id", Long.class)).containsExactly(aliceComment);
        assertThat(thread.jsonPath().getList("items[0].replies.id", Long.class)).containsExactly(bobReply);
        assertThat(thread.jsonPath().getLong("total")).isEqualTo(2);
    }

    @Test
    @Order(4)
    void membersVoteButNotOnTheirOwnComments() {
        Response vote = api.as("bob").put("/api/v1/comments/{id}/vote", aliceComment);
        assertThat(vote.statusCode()).isEqualTo(200);
        assertThat(vote.jsonPath().getInt("votes")).isEqualTo(1);
        assertThat(api.as("bob").put("/api/v1/comments/{id}/vote", aliceComment).jsonPath().getInt("votes"))
                .as("one vote per member").isEqualTo(1);
        assertThat(api.as("moderator").put("/api/v1/comments/{id}/vote", aliceComment).jsonPath().getInt("votes"))
                .isEqualTo(2);
        assertThat(api.as("moderator").delete("/api/v1/comments/{id}/vote", aliceComment).jsonPath().getInt("votes"))
                .isEqualTo(1);
        Response own = api.as("alice").put("/api/v1/comments/{id}/vote", aliceComment);
        assertThat(own.statusCode()).isEqualTo(422);
        assertThat(own.contentType()).startsWith("application/problem+json");

        Response seenByBob = api.as("bob").get("/api/v1/articles/{id}/comments", articleId);
        assertThat(seenByBob.jsonPath().getInt("items[0].votes")).isEqualTo(1);
        assertThat(seenByBob.jsonPath().getBoolean("items[0].voted")).isTrue();
    }

    @Test
    @Order(5)
    void anXssAttemptComesBackSanitized() {
        String attack = "看看这个 <script>alert('xss')</script><img src=x onerror=\"alert(1)\">"
                + "[点我](javascript:alert(2)) <a href=\"javascript:alert(3)\">链接</a> "
                + "<iframe src=\"https://evil.example\"></iframe> 以及公式 $e^{i\\pi} + 1 = 0$";
        // alice has an approved comment now: hers are no longer held
        Response posted = comment("alice", Map.of("body", attack));
        assertThat(posted.statusCode()).isEqualTo(201);
        xssComment = posted.jsonPath().getLong("id");
        assertThat(posted.jsonPath().getString("status")).isNull();
        String html = posted.jsonPath().getString("bodyHtml");
        assertThat(html.toLowerCase()).doesNotContain("<script", "onerror", "javascript:", "<iframe", "<img src=x");
        assertThat(html).contains("看看这个").contains("<span class=\"math inline\">");

        String stored = Poll.until("the sanitized comment in the anonymous thread", ANONYMOUS_VIEW_WITHIN,
                Duration.ofMillis(500), () -> api.anonymous().get("/api/v1/articles/{id}/comments?sort=newest", articleId),
                r -> r.jsonPath().getList("items.id", Long.class).contains(xssComment))
                .value().jsonPath().getString("items.find { it.id == " + xssComment + " }.bodyHtml");
        assertThat(stored).isEqualTo(html);
    }

    @Test
    @Order(6)
    void recentCommentsAndCountsUpdate() {
        assertThat(counts(api.as("moderator"))).isEqualTo(3);
        var counted = Poll.until("the anonymous comment count of the article", ANONYMOUS_VIEW_WITHIN,
                Duration.ofMillis(500), () -> counts(api.anonymous()), c -> c == 3);
        var recent = Poll.until("the newest comment in the anonymous recent comments", ANONYMOUS_VIEW_WITHIN,
                Duration.ofMillis(500), () -> api.anonymous().get("/api/v1/comments/recent?limit=5"),
                r -> r.statusCode() == 200 && r.jsonPath().getList("id", Long.class).contains(xssComment));
        System.out.printf("[e2e] anonymous count and recent comments updated after %d ms and %d ms%n",
                counted.elapsed().toMillis(), recent.elapsed().toMillis());
        List<Map<String, Object>> items = recent.value().jsonPath().getList("");
        Map<String, Object> newest = items.getFirst();
        assertThat(((Number) newest.get("id")).longValue()).isEqualTo(xssComment);
        assertThat(((Number) newest.get("articleId")).longValue()).isEqualTo(articleId);
        assertThat((String) newest.get("excerpt")).doesNotContain("<script").doesNotContain("onerror");
        assertThat(recent.value().jsonPath().getList("id", Long.class)).contains(aliceComment, bobReply);

        Response page = api.as("alice").get("/api/v1/articles/{id}/page", articleId);
        assertThat(page.jsonPath().getLong("commentCount")).isEqualTo(3);
    }

    private Response comment(String user, Map<String, Object> body) {
        return api.json(api.as(user), new HashMap<>(body)).post("/api/v1/articles/{id}/comments", articleId);
    }

    private List<Long> threadIds(io.restassured.specification.RequestSpecification as) {
        Response thread = as.get("/api/v1/articles/{id}/comments", articleId);
        assertThat(thread.statusCode()).isEqualTo(200);
        return thread.jsonPath().getList("items.id", Long.class);
    }

    private long counts(io.restassured.specification.RequestSpecification as) {
        Response counts = as.get("/api/v1/comments/counts?articleIds={id}", articleId);
        assertThat(counts.statusCode()).isEqualTo(200);
        Object n = counts.jsonPath().getMap("$").get(String.valueOf(articleId));
        return n == null ? 0 : ((Number) n).longValue();
    }
}
