package dev.spaces.comment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.spaces.comment.ContentServiceStub.ARTICLE;
import static dev.spaces.comment.TestSupport.anonymous;
import static dev.spaces.comment.TestSupport.body;
import static dev.spaces.comment.TestSupport.freshMember;
import static dev.spaces.comment.TestSupport.member;
import static dev.spaces.comment.TestSupport.moderator;
import static dev.spaces.comment.TestSupport.post;
import static dev.spaces.comment.TestSupport.reply;
import static dev.spaces.comment.TestSupport.trustedMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Members report approved comments; moderators see them in the Reported queue and decide; the audit says so. */
@QuarkusTest
class ReportedCommentsTest {

    private static Response report(String who, long commentId, Map<String, Object> request) {
        return member(who).body(request).post("/api/v1/comments/" + commentId + "/reports");
    }

    private static List<Map<String, Object>> reportedQueue() {
        return moderator().get("/api/v1/moderation/comments?status=reported&size=100").then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private static Map<String, Object> queued(long commentId) {
        return reportedQueue().stream().filter(c -> ((Number) c.get("id")).longValue() == commentId).findFirst()
                .orElse(null);
    }

    private static Map<String, Object> auditOf(long commentId) {
        List<Map<String, Object>> entries = moderator().get("/api/v1/moderation/audit?size=200").then()
                .statusCode(200).extract().jsonPath().getList("items");
        return entries.stream().filter(e -> ((Number) e.get("commentId")).longValue() == commentId).findFirst()
                .orElseThrow();
    }

    @Test
    void twoMembersReportACommentItLeadsTheReportedQueueAndKeepingItClosesTheReportsAndIsAuditedAsDismissed() {
        String author = trustedMember("reported", ARTICLE);
        long twice = post(author, ARTICLE, body("被两人举报 " + author));
        long once = post(author, ARTICLE, body("被一人举报 " + author));
        String first = freshMember("rep1");
        String second = freshMember("rep2");

        Response filed = report(first, twice, Map.of("reason", "spam"));
        filed.then().statusCode(201).body("reason", equalTo("spam")).body("commentId", equalTo((int) twice));
        assertThat(filed.header("Location")).endsWith("/api/v1/comments/" + twice + "/reports/"
                + filed.jsonPath().getLong("id"));
        // a second report by the same member while the first is open is the first one again, not a second count
        report(first, twice, Map.of("reason", "abuse")).then().statusCode(200)
                .body("id", equalTo(filed.jsonPath().getInt("id"))).body("reason", equalTo("spam"));
        report(second, twice, Map.of("reason", "abuse", "note", "  人身攻击  ")).then().statusCode(201);
        report(second, once, Map.of("reason", "off-topic")).then().statusCode(201);

        List<Long> order = reportedQueue().stream().map(c -> ((Number) c.get("id")).longValue())
                .filter(id -> id == twice || id == once).toList();
        assertThat(order).as("the most reported first").containsExactly(twice, once);
        Map<String, Object> top = queued(twice);
        assertThat(top.get("status")).as("an approved comment has no status").isNull();
        @SuppressWarnings("unchecked") Map<String, Object> reports = (Map<String, Object>) top.get("reports");
        assertThat(reports.get("count")).isEqualTo(2);
        @SuppressWarnings("unchecked") List<Map<String, Object>> items = (List<Map<String, Object>>) reports.get("items");
        assertThat(items).extracting(i -> i.get("reason")).containsExactly("spam", "abuse");
        assertThat(items.get(1).get("note")).as("the note, trimmed").isEqualTo("人身攻击");
        assertThat(items.get(0).get("reporter")).isEqualTo(first);

        moderator().body(Map.of("action", "approve", "reason", "没有问题"))
                .post("/api/v1/comments/" + twice + "/moderation").then().statusCode(200);
        assertThat(queued(twice)).as("kept: out of the Reported queue").isNull();
        Map<String, Object> kept = auditOf(twice);
        assertThat(kept.get("action")).isEqualTo("dismiss-reports");
        assertThat(kept.get("reportsClosed")).isEqualTo(2);
        assertThat(kept.get("reason")).isEqualTo("没有问题");
        anonymous().get("/api/v1/articles/" + ARTICLE + "/comments?limit=100").then()
                .body("items.id", org.hamcrest.Matchers.hasItem((int) twice));
        // the report is closed, so the same member may report the comment anew
        report(first, twice, Map.of("reason", "other")).then().statusCode(201).body("reason", equalTo("other"));

        moderator().body(Map.of("action", "reject")).post("/api/v1/comments/" + once + "/moderation").then()
                .statusCode(200);
        assertThat(queued(once)).isNull();
        Map<String, Object> rejected = auditOf(once);
        assertThat(rejected.get("action")).isEqualTo("reject");
        assertThat(rejected.get("reportsClosed")).isEqualTo(1);
    }

    @Test
    void aReportNeedsAKnownReasonAShortNoteASignedInMemberAndAnApprovedCommentOfSomeoneElse() {
        String author = trustedMember("rules", ARTICLE);
        long approved = post(author, ARTICLE, body("规则 " + author));
        String reporter = freshMember("rules-rep");

        report(reporter, approved, Map.of("reason", "boring")).then().statusCode(422)
                .body("errors[0].field", equalTo("reason"))
                .body("errors[0].message", equalTo("must be spam, abuse, off-topic or other"));
        report(reporter, approved, Map.of("note", "没有理由")).then().statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        report(reporter, approved, Map.of("reason", "other", "note", "长".repeat(501))).then().statusCode(422)
                .body("errors[0].field", equalTo("note"));
        report(author, approved, Map.of("reason", "spam")).then().statusCode(422)
                .body("errors[0].message", equalTo("you cannot report your own comment"));
        anonymous().body(Map.of("reason", "spam")).post("/api/v1/comments/" + approved + "/reports").then()
                .statusCode(401);

        long held = post(freshMember("rules-new"), ARTICLE, body("待审核 " + author));
        report(reporter, held, Map.of("reason", "spam")).then().statusCode(404);
        report(reporter, 987654321L, Map.of("reason", "spam")).then().statusCode(404);
        assertThat(queued(approved)).as("nothing was filed").isNull();
    }

    @Test
    void aMemberWhoReportsMoreThanTheLimitIsToldHowLongToWait() {
        String author = trustedMember("flood", ARTICLE);
        String reporter = freshMember("flooder");
        // the test profile allows 5 reports per member per hour
        for (int i = 0; i < 5; i++) {
            report(reporter, post(author, ARTICLE, body("第 " + i + " 条 " + author)), Map.of("reason", "spam"))
                    .then().statusCode(201);
        }
        long sixth = post(author, ARTICLE, body("第六条 " + author));
        Response refused = report(reporter, sixth, Map.of("reason", "spam"));
        refused.then().statusCode(429).body("detail", startsWith("You have reported too many comments; try again in"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(queued(sixth)).isNull();
    }

    /**
     * An approved comment whose formula rendered as MathML. The renderer gives up on a formula after 2 s and marks
     * it as an error; on a loaded machine the first renders after start can take that long, and this test is about
     * the thread, not the renderer's speed, so it posts again (a new body each time) until one rendered.
     */
    private static long formulaComment(String author) {
        for (int attempt = 0; ; attempt++) {
            Response posted = member(author).body(body("父评论 $e^{i\\pi}+1=0$ " + attempt + " " + author))
                    .post("/api/v1/articles/" + ARTICLE + "/comments");
            posted.then().statusCode(201);
            if (posted.jsonPath().getString("bodyHtml").contains("<math") || attempt == 4) {
                return posted.jsonPath().getLong("id");
            }
        }
    }

    @Test
    void aModeratorSeesAReplyInItsThreadWithItsParentsFormulaAsMathMlAndItsPendingReplies() {
        String author = trustedMember("thread", ARTICLE);
        long parent = formulaComment(author);
        long answer = post(author, ARTICLE, reply("回答 " + author, parent));
        String newcomer = freshMember("thread-new");
        long pending = post(newcomer, ARTICLE, reply("新人的追问 " + newcomer, answer));
        long second = post(author, ARTICLE, reply("补充 " + author, answer));
        long deeper = post(author, ARTICLE, reply("更深的回复 " + author, second));

        moderator().get("/api/v1/moderation/comments/" + answer + "/thread").then().statusCode(200)
                .body("ancestors.id", equalTo(List.of((int) parent)))
                .body("ancestors[0].bodyHtml", containsString("<math"))
                .body("comment.id", equalTo((int) answer))
                .body("replies.id", equalTo(List.of((int) pending, (int) second, (int) deeper)))
                .body("replies[0].status", equalTo("pending"))
                .body("replies[2].parentId", equalTo((int) second))
                .body("totalReplies", equalTo(3)).body("truncated", equalTo(false));
        moderator().get("/api/v1/moderation/comments/" + answer + "/thread?limit=1").then().statusCode(200)
                .body("replies.id", equalTo(List.of((int) pending)))
                .body("totalReplies", equalTo(3)).body("truncated", equalTo(true));
        moderator().get("/api/v1/moderation/comments/" + answer + "/thread?limit=501").then().statusCode(400);
        member(author).get("/api/v1/moderation/comments/" + answer + "/thread").then().statusCode(403);
        moderator().get("/api/v1/moderation/comments/987654321/thread").then().statusCode(404);
    }
}
