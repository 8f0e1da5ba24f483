package dev.spaces.comment;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.spaces.comment.ContentServiceStub.ARTICLE;
import static dev.spaces.comment.TestSupport.anonymous;
import static dev.spaces.comment.TestSupport.body;
import static dev.spaces.comment.TestSupport.freshMember;
import static dev.spaces.comment.TestSupport.member;
import static dev.spaces.comment.TestSupport.post;
import static dev.spaces.comment.TestSupport.trustedMember;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class MemberTest {

    @Test
    void provisionedFromTheTokenOnFirstUse() {
        String who = freshMember("new");
        long id = member(who).get("/api/v1/members/me").then().statusCode(200)
                .body("displayName", equalTo(who)).body("email", equalTo(who + "@example.test"))
                .body("notifyOnReply", equalTo(true)).body("joinedAt", notNullValue())
                .extract().jsonPath().getLong("id");
        member(who).get("/api/v1/members/me").then().statusCode(200).body("id", equalTo((int) id));
        org.assertj.core.api.Assertions.assertThat(OutboxProbe.memberTypes(id)).containsExactly("member.created");
        anonymous().get("/api/v1/members/me").then().statusCode(401).contentType("application/problem+json");
    }

    /** A new member's first requests often arrive together (a page load): one member, one event, no 500. */
    @Test
    void concurrentFirstRequestsProvisionOneMember() throws Exception {
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int round = 0; round < 5; round++) {
                String who = freshMember("race");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Long>> answers = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    int n = i;
                    answers.add(pool.submit(() -> {
                        start.await();
                        if (n % 2 == 0) {
                            return member(who).get("/api/v1/members/me").then().statusCode(200)
                                    .extract().jsonPath().getLong("id");
                        }
                        return member(who).body(body("同时到达 " + who + " " + n))
                                .post("/api/v1/articles/" + ARTICLE + "/comments").then().statusCode(201)
                                .extract().jsonPath().getLong("author.id");
                    }));
                }
                start.countDown();
                Set<Long> ids = new HashSet<>();
                for (Future<Long> answer : answers) {
                    ids.add(answer.get());
                }
                org.assertj.core.api.Assertions.assertThat(ids).hasSize(1);
                org.assertj.core.api.Assertions.assertThat(OutboxProbe.memberTypes(ids.iterator().next()))
                        .containsExactly("member.created");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void profileUpdatesAreValidated() {
        String who = freshMember("upd");
        member(who).body(Map.of("displayName", "  苏 \u200b剑\u202e 客  ", "website", "https://example.org",
                        "bio", "喜欢数学", "notifyOnReply", false))
                .put("/api/v1/members/me").then().statusCode(200)
                .body("displayName", equalTo("苏 剑 客")).body("notifyOnReply", equalTo(false));
        for (String reserved : new String[]{"admin", "Ａｄｍｉｎ", "аdmin", "adm1n", "管理员", "管理員", "苏剑林", "蘇劍林"}) {
            member(who).body(Map.of("displayName", reserved)).put("/api/v1/members/me").then().statusCode(422)
                    .body("errors[0].field", equalTo("displayName"));
        }
        member(who).body(Map.of("displayName", "\"><img src=x>")).put("/api/v1/members/me").then().statusCode(422);
        member(who).body(Map.of("displayName", "\u200b\u200c")).put("/api/v1/members/me").then().statusCode(422);
        member(who).body(Map.of("displayName", "名".repeat(41))).put("/api/v1/members/me").then().statusCode(422);
        member(who).body(Map.of("displayName", "ok", "website", "javascript:alert(1)")).put("/api/v1/members/me")
                .then().statusCode(422).body("errors[0].field", equalTo("website"));
        member(who).body(Map.of("displayName", "ok", "bio", "长".repeat(501))).put("/api/v1/members/me")
                .then().statusCode(422);
        member(who).body(Map.of("displayName", "bad\nname")).put("/api/v1/members/me").then().statusCode(422);
    }

    @Test
    void publicProfileShowsNoPrivateData() {
        String who = trustedMember("pub", ARTICLE);
        long id = member(who).get("/api/v1/members/me").jsonPath().getLong("id");
        anonymous().get("/api/v1/members/" + id).then().statusCode(200)
                .body("displayName", equalTo(who)).body("email", nullValue()).body("commentCount", equalTo(1));
        anonymous().get("/api/v1/members/999999").then().statusCode(404);
    }

    @Test
    void deletingAnAccountAnonymizesItsComments() {
        String who = trustedMember("bye", ARTICLE);
        long id = member(who).get("/api/v1/members/me").jsonPath().getLong("id");
        long comment = post(who, ARTICLE, body("告别 " + who));
        member(who).delete("/api/v1/members/me").then().statusCode(204);
        anonymous().get("/api/v1/articles/" + ARTICLE + "/comments?limit=100").then()
                .body("items.find { it.id == " + comment + " }.author.displayName", equalTo("已注销用户"))
                .body("items.find { it.id == " + comment + " }.author.id", nullValue())
                .body("items.find { it.id == " + comment + " }.bodyHtml", notNullValue());
        anonymous().get("/api/v1/members/" + id).then().statusCode(404);
        // signing in again starts a fresh member
        member(who).get("/api/v1/members/me").then().statusCode(200).body("commentCount", equalTo(0));
    }
}
