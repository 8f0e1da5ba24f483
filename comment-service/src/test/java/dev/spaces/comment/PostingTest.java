package dev.spaces.comment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.spaces.comment.ContentServiceStub.ARTICLE;
import static dev.spaces.comment.ContentServiceStub.OTHER_ARTICLE;
import static dev.spaces.comment.TestSupport.anonymous;
import static dev.spaces.comment.TestSupport.as;
import static dev.spaces.comment.TestSupport.body;
import static dev.spaces.comment.TestSupport.freshMember;
import static dev.spaces.comment.TestSupport.member;
import static dev.spaces.comment.TestSupport.post;
import static dev.spaces.comment.TestSupport.reply;
import static dev.spaces.comment.TestSupport.trustedMember;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The posting path writes a comment with plain SQL and its events in one INSERT: what it stores must read back
 * through the entity mapping exactly, and the member checks folded into one statement must keep their meaning.
 */
@QuarkusTest
class PostingTest {

    @Test
    void aTrustedMembersReplyIsStoredWholeWithItsThreeEventsInOrder() {
        String parentAuthor = trustedMember("posting-parent", OTHER_ARTICLE);
        long parent = post(parentAuthor, OTHER_ARTICLE, body("父评论 " + parentAuthor));
        assertThat(OutboxProbe.types(parent)).containsExactly("comment.created", "comment.approved");

        String replier = trustedMember("posting-replier", OTHER_ARTICLE);
        JsonPath posted = member(replier).body(reply("回复：设 $x_1^2 + y$ 与 $$\\int_0^1 f$$ " + replier, parent))
                .post("/api/v1/articles/" + OTHER_ARTICLE + "/comments").then().statusCode(201).extract().jsonPath();
        long id = posted.getLong("id");
        assertThat(id).isGreaterThan(parent);
        assertThat(posted.getString("status")).isNull(); // approved at once
        assertThat(posted.getLong("parentId")).isEqualTo(parent);
        assertThat(posted.getList("formulas.tex")).containsExactly("x_1^2 + y", "\\int_0^1 f");

        assertThat(OutboxProbe.types(id)).containsExactly("comment.created", "comment.approved", "comment.replied");
        long parentAuthorId = member(parentAuthor).get("/api/v1/members/me").jsonPath().getLong("id");
        long replierId = member(replier).get("/api/v1/members/me").jsonPath().getLong("id");
        List<String> payloads = OutboxProbe.payloads(id);
        assertThat(payloads.getLast()).contains("\"parentAuthorMemberId\": " + parentAuthorId);
        assertThat(payloads).allSatisfy(p -> assertThat(p).contains("\"authorMemberId\": " + replierId)
                .contains("\"parentId\": " + parent).contains("\"id\": " + id));

        // read back through the entity mapping: the reply sits in its parent's thread with body and formulas
        JsonPath thread = anonymous().get("/api/v1/articles/" + OTHER_ARTICLE + "/comments?limit=100").then()
                .statusCode(200).extract().jsonPath();
        String path = "items.find { it.id == " + parent + " }.replies.find { it.id == " + id + " }";
        assertThat(thread.getString(path + ".bodyHtml")).isEqualTo(posted.getString("bodyHtml"));
        assertThat(thread.getList(path + ".formulas.tex")).containsExactly("x_1^2 + y", "\\int_0^1 f");
        assertThat(thread.getString(path + ".createdAt")).isEqualTo(posted.getString("createdAt"));
        assertThat(thread.getLong(path + ".author.id")).isEqualTo(replierId);
    }

    @Test
    void theFirstCommentOfANewMemberProvisionsThem() {
        String name = freshMember("posting-new");
        JsonPath posted = member(name).body(body("我的第一条 " + name))
                .post("/api/v1/articles/" + ARTICLE + "/comments").then().statusCode(201).extract().jsonPath();
        assertThat(posted.getString("status")).isEqualTo("pending");
        long memberId = member(name).get("/api/v1/members/me").jsonPath().getLong("id");
        assertThat(posted.getLong("author.id")).isEqualTo(memberId);
        assertThat(OutboxProbe.memberTypes(memberId)).containsExactly("member.created");
        assertThat(OutboxProbe.types(posted.getLong("id"))).containsExactly("comment.created");
    }

    @Test
    void aMemberWhoBecameModeratorIsApprovedAndBadgedAtOnce() {
        String name = freshMember("posting-promoted");
        member(name).body(body("还是普通读者 " + name)).post("/api/v1/articles/" + ARTICLE + "/comments").then()
                .statusCode(201).body("status", org.hamcrest.Matchers.equalTo("pending"));

        JsonPath promoted = as(name, "member", "moderator").body(body("现在是版主了 " + name))
                .post("/api/v1/articles/" + ARTICLE + "/comments").then().statusCode(201).extract().jsonPath();
        assertThat(promoted.getString("status")).isNull();
        assertThat(promoted.getList("author.badges")).containsExactly("moderator");
        assertThat(OutboxProbe.types(promoted.getLong("id"))).containsExactly("comment.created", "comment.approved");

        // and back: the badge follows the token again, and without approved comments the member is not trusted
        JsonPath demoted = member(name).body(Map.of("body", "又是普通读者 " + name))
                .post("/api/v1/articles/" + ARTICLE + "/comments").then().statusCode(201).extract().jsonPath();
        assertThat(demoted.getList("author.badges")).isEmpty();
        assertThat(demoted.getString("status")).isNull(); // the moderator's own comment was approved: trusted now
    }
}
