package dev.spaces.comment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Supplier;

import static dev.spaces.comment.ContentServiceStub.ARTICLE;
import static dev.spaces.comment.TestSupport.anonymous;
import static dev.spaces.comment.TestSupport.as;
import static dev.spaces.comment.TestSupport.body;
import static dev.spaces.comment.TestSupport.freshMember;
import static dev.spaces.comment.TestSupport.member;
import static dev.spaces.comment.TestSupport.moderator;
import static dev.spaces.comment.TestSupport.post;
import static dev.spaces.comment.TestSupport.trustedMember;

/** Every write endpoint × {anonymous, owner, other member, moderator, admin}. */
@QuarkusTest
class AuthorizationMatrixTest {

    private record Callers(Supplier<RequestSpecification> anonymous, Supplier<RequestSpecification> owner,
                           Supplier<RequestSpecification> other, Supplier<RequestSpecification> moderator,
                           Supplier<RequestSpecification> admin) {
    }

    private Callers callers(String owner) {
        String other = freshMember("other");
        return new Callers(TestSupport::anonymous, () -> member(owner), () -> member(other), TestSupport::moderator,
                () -> as("admin", "admin"));
    }

    @Test
    void editApprovedComment() {
        String owner = trustedMember("own", ARTICLE);
        long c = post(owner, ARTICLE, body("原文 " + owner));
        Callers who = callers(owner);
        Map<String, String> change = Map.of("body", "改 " + owner);
        who.anonymous().get().body(change).patch("/api/v1/comments/" + c).then().statusCode(401);
        who.other().get().body(change).patch("/api/v1/comments/" + c).then().statusCode(403);
        who.moderator().get().body(change).patch("/api/v1/comments/" + c).then().statusCode(403);
        who.admin().get().body(change).patch("/api/v1/comments/" + c).then().statusCode(403);
        who.owner().get().body(change).patch("/api/v1/comments/" + c).then().statusCode(200);
    }

    @Test
    void pendingCommentsArePrivate() {
        String owner = freshMember("pend");
        long c = post(owner, ARTICLE, body("待审 " + owner));
        Callers who = callers(owner);
        who.other().get().body(Map.of("body", "x")).patch("/api/v1/comments/" + c).then().statusCode(404);
        who.other().get().delete("/api/v1/comments/" + c).then().statusCode(404);
        who.other().get().put("/api/v1/comments/" + c + "/vote").then().statusCode(404);
        who.owner().get().body(Map.of("body", "改 " + owner)).patch("/api/v1/comments/" + c).then().statusCode(200);
        who.moderator().get().get("/api/v1/comments/" + c + "/edits").then().statusCode(200);
    }

    @Test
    void deleteComment() {
        String owner = trustedMember("delm", ARTICLE);
        Callers who = callers(owner);
        long c1 = post(owner, ARTICLE, body("一 " + owner));
        who.anonymous().get().delete("/api/v1/comments/" + c1).then().statusCode(401);
        who.other().get().delete("/api/v1/comments/" + c1).then().statusCode(403);
        who.owner().get().delete("/api/v1/comments/" + c1).then().statusCode(204);
        long c2 = post(owner, ARTICLE, body("二 " + owner));
        who.moderator().get().delete("/api/v1/comments/" + c2).then().statusCode(204);
        long c3 = post(owner, ARTICLE, body("三 " + owner));
        who.admin().get().delete("/api/v1/comments/" + c3).then().statusCode(204);
        who.owner().get().delete("/api/v1/comments/999999").then().statusCode(404);
    }

    @Test
    void moderationEndpoints() {
        String owner = freshMember("modm");
        long c = post(owner, ARTICLE, body("审核我 " + owner));
        Callers who = callers(owner);
        Map<String, String> approve = Map.of("action", "approve", "reason", "ok");
        who.anonymous().get().body(approve).post("/api/v1/comments/" + c + "/moderation").then().statusCode(401);
        who.owner().get().body(approve).post("/api/v1/comments/" + c + "/moderation").then().statusCode(403);
        who.other().get().body(approve).post("/api/v1/comments/" + c + "/moderation").then().statusCode(403);
        who.other().get().get("/api/v1/moderation/comments").then().statusCode(403);
        who.other().get().get("/api/v1/moderation/audit").then().statusCode(403);
        who.anonymous().get().get("/api/v1/moderation/comments").then().statusCode(401);
        who.owner().get().body(Map.of("ids", java.util.List.of(c), "action", "approve"))
                .post("/api/v1/moderation/comments/bulk").then().statusCode(403);
        who.moderator().get().get("/api/v1/moderation/comments?status=pending&size=100").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem((int) c));
        who.admin().get().body(approve).post("/api/v1/comments/" + c + "/moderation").then().statusCode(200);
        who.moderator().get().body(Map.of("action", "explode")).post("/api/v1/comments/" + c + "/moderation")
                .then().statusCode(422);
        who.moderator().get().body(approve).post("/api/v1/comments/999999/moderation").then().statusCode(404);
    }

    @Test
    void membersEndpoints() {
        anonymous().body(Map.of("displayName", "x")).put("/api/v1/members/me").then().statusCode(401);
        anonymous().delete("/api/v1/members/me").then().statusCode(401);
        anonymous().body(body("x")).post("/api/v1/articles/" + ARTICLE + "/comments").then().statusCode(401);
        moderator().get("/api/v1/members/me").then().statusCode(200);
    }
}
