package dev.spaces.comment;

import dev.spaces.commons.testing.BarePost;
import dev.spaces.commons.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ModerationFlowTest {

    @Test
    void anAdminRerendersWithABarePostThatHasNoBodyAndNoContentType() {
        // curl -X POST: the resource consumes JSON, and a body-less request used to get 415
        BarePost.Answer answer = BarePost.send("POST", "/api/v1/moderation/rerender", TestTokens.token("admin", "admin"));
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        assertThat(answer.raw()).contains("\"rerendered\"");
    }

    @Test
    void queueDecisionsAuditAndEvents() {
        String parentAuthor = trustedMember("parent", ARTICLE);
        long parent = post(parentAuthor, ARTICLE, body("被回复的 " + parentAuthor));
        String replier = freshMember("replier");
        long held = post(replier, ARTICLE, reply("新人的回复", parent));
        assertThat(OutboxProbe.types(held)).containsExactly("comment.created");

        moderator().body(Map.of("action", "approve", "reason", "看起来没问题"))
                .post("/api/v1/comments/" + held + "/moderation").then().statusCode(200);
        assertThat(OutboxProbe.types(held)).containsExactly("comment.created", "comment.approved", "comment.replied");
        long parentAuthorId = member(parentAuthor).get("/api/v1/members/me").jsonPath().getLong("id");
        assertThat(OutboxProbe.payloads(held).getLast()).contains("\"parentAuthorMemberId\": " + parentAuthorId);

        String spammer = freshMember("spammer");
        long s1 = post(spammer, ARTICLE, body("垃圾一 " + spammer));
        long s2 = post(spammer, ARTICLE, body("垃圾二 " + spammer));
        moderator().body(Map.of("ids", List.of(s1, s2), "action", "spam", "reason", "广告"))
                .post("/api/v1/moderation/comments/bulk").then().statusCode(200);
        moderator().get("/api/v1/moderation/comments?status=spam&size=100").then().statusCode(200)
                .body("items.id", hasItem((int) s1)).body("items.id", hasItem((int) s2));
        moderator().body(Map.of("ids", List.of(s1, 99999999L), "action", "approve"))
                .post("/api/v1/moderation/comments/bulk").then().statusCode(422);
        moderator().get("/api/v1/moderation/comments?status=spam&size=100").then()
                .body("items.id", hasItem((int) s1));
        anonymous().get("/api/v1/articles/" + ARTICLE + "/comments?limit=100").then()
                .body("items.id", not(hasItem((int) s1)));

        long pinned = post(parentAuthor, ARTICLE, body("置顶 " + parentAuthor));
        moderator().body(Map.of("action", "pin")).post("/api/v1/comments/" + pinned + "/moderation").then()
                .statusCode(200).body("pinned", equalTo(true));
        anonymous().get("/api/v1/articles/" + ARTICLE + "/comments?sort=oldest&limit=1").then()
                .body("items[0].id", equalTo((int) pinned));

        moderator().get("/api/v1/moderation/audit?size=10").then().statusCode(200)
                .body("items[0].action", equalTo("pin"))
                .body("items.find { it.commentId == " + held + " }.reason", equalTo("看起来没问题"))
                .body("items.find { it.commentId == " + held + " }.moderator", equalTo("moderator"));
    }

    @Test
    void editsPinsAndRejectionsAreEvents() {
        String who = trustedMember("upd", ARTICLE);
        long c = post(who, ARTICLE, body("将被修改 " + who));
        member(who).body(Map.of("body", "已修改：$\\alpha$ " + who)).patch("/api/v1/comments/" + c).then()
                .statusCode(200);
        moderator().body(Map.of("action", "pin")).post("/api/v1/comments/" + c + "/moderation").then().statusCode(200);
        moderator().body(Map.of("action", "pin")).post("/api/v1/comments/" + c + "/moderation").then().statusCode(200);
        moderator().body(Map.of("action", "spam")).post("/api/v1/comments/" + c + "/moderation").then().statusCode(200);
        moderator().body(Map.of("action", "reject")).post("/api/v1/comments/" + c + "/moderation").then()
                .statusCode(200);

        // a pin that changes nothing sends nothing; spam → rejected is a second rejection (its status says which)
        assertThat(OutboxProbe.types(c)).containsExactly("comment.created", "comment.approved", "comment.updated",
                "comment.updated", "comment.rejected", "comment.rejected");
        List<String> payloads = OutboxProbe.payloads(c);
        assertThat(payloads.get(4)).contains("\"status\": \"spam\"");
        assertThat(payloads.get(5)).contains("\"status\": \"rejected\"");
    }

    @Test
    void deletionIsAnEvent() {
        String who = trustedMember("evt", ARTICLE);
        long c = post(who, ARTICLE, body("删除事件 " + who));
        member(who).delete("/api/v1/comments/" + c).then().statusCode(204);
        assertThat(OutboxProbe.types(c)).containsExactly("comment.created", "comment.approved", "comment.deleted");
    }
}
