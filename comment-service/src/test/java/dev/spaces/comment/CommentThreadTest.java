package dev.spaces.comment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.spaces.comment.ContentServiceStub.ARTICLE;
import static dev.spaces.comment.ContentServiceStub.FAILING;
import static dev.spaces.comment.ContentServiceStub.OTHER_ARTICLE;
import static dev.spaces.comment.ContentServiceStub.THIRD_ARTICLE;
import static dev.spaces.comment.ContentServiceStub.UNPUBLISHED;
import static dev.spaces.comment.TestSupport.anonymous;
import static dev.spaces.comment.TestSupport.approve;
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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class CommentThreadTest {

    @Test
    void firstCommentIsModeratedThenTheMemberIsTrusted() {
        String alice = freshMember("alice");
        member(alice).body(body("你好 $E=mc^2$")).post("/api/v1/articles/" + THIRD_ARTICLE + "/comments").then()
                .statusCode(201).header("Location", containsString("/api/v1/comments/"))
                .body("status", equalTo("pending")).body("holdReason", equalTo("first comments are reviewed"))
                .body("formulas[0].tex", equalTo("E=mc^2"));
        long first = member(alice).get("/api/v1/articles/" + THIRD_ARTICLE + "/comments").then().statusCode(200)
                .body("items.find { it.status == 'pending' }.author.displayName", equalTo(alice))
                .extract().jsonPath().getLong("items.find { it.status == 'pending' }.id");
        anonymous().get("/api/v1/articles/" + THIRD_ARTICLE + "/comments").then()
                .body("items.id", not(hasItem((int) first)));
        approve(first);
        anonymous().get("/api/v1/articles/" + THIRD_ARTICLE + "/comments").then().body("items.id", hasItem((int) first));
        member(alice).body(body("第二条")).post("/api/v1/articles/" + THIRD_ARTICLE + "/comments").then()
                .statusCode(201).body("status", nullValue());
    }

    @Test
    void repliesNestToDepthThreeThenFlatten() {
        String a = trustedMember("nest", ARTICLE);
        String b = trustedMember("nest", ARTICLE);
        long top = post(a, ARTICLE, body("楼主"));
        long r2 = post(b, ARTICLE, reply("二楼", top));
        long r3 = post(a, ARTICLE, reply("三楼", r2));
        long r4 = post(b, ARTICLE, reply("四楼", r3));
        long r5 = post(a, ARTICLE, reply("五楼", r4));
        JsonPath page = anonymous().get("/api/v1/articles/" + ARTICLE + "/comments?limit=100").then().statusCode(200)
                .extract().jsonPath();
        String thread = "items.find { it.id == " + top + " }";
        assertThat(page.getLong(thread + ".replies[0].id")).isEqualTo(r2);
        assertThat(page.getLong(thread + ".replies[0].replies[0].id")).isEqualTo(r3);
        List<Integer> flattened = page.getList(thread + ".replies[0].replies[0].replies.id");
        assertThat(flattened).containsExactly((int) r4, (int) r5);
        assertThat(page.getLong(thread + ".replies[0].replies[0].replies[1].replyTo.id")).isEqualTo(r4);
        assertThat(page.getString(thread + ".replies[0].replies[0].replies[1].replyTo.displayName")).isEqualTo(b);
        assertThat(page.getObject(thread + ".replies[0].replies[0].replies[0].replyTo", Object.class)).isNull();
    }

    @Test
    void cursorPagesThroughThreadsInEveryOrder() {
        String a = trustedMember("page", OTHER_ARTICLE);
        String b = trustedMember("page", OTHER_ARTICLE);
        for (int i = 0; i < 5; i++) {
            post(a, OTHER_ARTICLE, body("楼 " + i + " " + a));
        }
        long popular = post(a, OTHER_ARTICLE, body("最受欢迎 " + a));
        member(b).put("/api/v1/comments/" + popular + "/vote").then().statusCode(200).body("votes", equalTo(1));
        long total = anonymous().get("/api/v1/articles/" + OTHER_ARTICLE + "/comments").jsonPath().getLong("total");
        for (String sort : List.of("oldest", "newest", "top")) {
            List<Integer> seen = new java.util.ArrayList<>();
            String cursor = null;
            do {
                var request = anonymous().queryParam("sort", sort).queryParam("limit", 2);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.get("/api/v1/articles/" + OTHER_ARTICLE + "/comments").then().statusCode(200)
                        .extract().jsonPath();
                seen.addAll(page.getList("items.id"));
                cursor = page.getString("nextCursor");
            } while (cursor != null);
            assertThat(seen).as(sort).doesNotHaveDuplicates().hasSize((int) total);
            if (sort.equals("top")) {
                assertThat(seen.getFirst()).isEqualTo((int) popular);
            }
            if (sort.equals("newest")) {
                assertThat(seen.getFirst()).isEqualTo((int) popular);
            }
        }
        anonymous().get("/api/v1/articles/" + OTHER_ARTICLE + "/comments?cursor=garbage!").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void badgesMarkTheArticleAuthorAndModerators() {
        long byAuthor = post("author", ARTICLE, body("作者回复"));
        approve(byAuthor);
        long byModerator = moderator().body(body("版主提示")).post("/api/v1/articles/" + ARTICLE + "/comments")
                .then().statusCode(201).body("status", nullValue()).extract().jsonPath().getLong("id");
        JsonPath page = anonymous().get("/api/v1/articles/" + ARTICLE + "/comments?limit=100").jsonPath();
        assertThat(page.getList("items.find { it.id == " + byAuthor + " }.author.badges")).containsExactly("author");
        assertThat(page.getList("items.find { it.id == " + byModerator + " }.author.badges")).containsExactly("moderator");
    }

    @Test
    void votesCountOncePerMemberAndNeverOwn() {
        String a = trustedMember("vote", ARTICLE);
        String b = freshMember("voter");
        long c = post(a, ARTICLE, body("投票 " + a));
        member(b).put("/api/v1/comments/" + c + "/vote").then().statusCode(200).body("votes", equalTo(1));
        member(b).put("/api/v1/comments/" + c + "/vote").then().statusCode(200).body("votes", equalTo(1));
        member(a).put("/api/v1/comments/" + c + "/vote").then().statusCode(422);
        member(b).get("/api/v1/articles/" + ARTICLE + "/comments?limit=100").then()
                .body("items.find { it.id == " + c + " }.voted", equalTo(true));
        member(b).delete("/api/v1/comments/" + c + "/vote").then().statusCode(200).body("votes", equalTo(0));
        anonymous().put("/api/v1/comments/" + c + "/vote").then().statusCode(401);
    }

    @Test
    void deletingKeepsTheThreadAndHidesTheBody() {
        String a = trustedMember("del", ARTICLE);
        String b = trustedMember("del", ARTICLE);
        long top = post(a, ARTICLE, body("将被删除 " + a));
        long answer = post(b, ARTICLE, reply("回复仍在", top));
        member(a).delete("/api/v1/comments/" + top).then().statusCode(204);
        anonymous().get("/api/v1/articles/" + ARTICLE + "/comments?limit=100").then()
                .body("items.find { it.id == " + top + " }.deleted", equalTo(true))
                .body("items.find { it.id == " + top + " }.bodyHtml", nullValue())
                .body("items.find { it.id == " + top + " }.replies[0].id", equalTo((int) answer));
        member(b).body(reply("回复已删除的", top)).post("/api/v1/articles/" + ARTICLE + "/comments").then()
                .statusCode(422).body("errors[0].field", equalTo("parentId"))
                .body("errors[0].message", equalTo("the comment you reply to has been deleted"));
    }

    @Test
    void replyingToACommentAwaitingModerationSaysSoAndAnUnknownParentIsNotVisible() {
        String newcomer = freshMember("pending-parent");
        long held = post(newcomer, ARTICLE, body("还在审核中的评论 " + newcomer));
        String other = trustedMember("replier", ARTICLE);
        member(other).body(reply("抢先回复", held)).post("/api/v1/articles/" + ARTICLE + "/comments").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("parentId"))
                .body("errors[0].message", containsString("awaiting moderation"));
        member(other).body(reply("回复不存在的", 987_654_321L)).post("/api/v1/articles/" + ARTICLE + "/comments")
                .then().statusCode(422)
                .body("errors[0].message", equalTo("no comment with this id is visible to you"));
        // its own author may reply under it (their pending comment is visible to them)
        member(newcomer).body(reply("补充一句", held)).post("/api/v1/articles/" + ARTICLE + "/comments").then()
                .statusCode(201);
        approve(held);
        member(other).body(reply("现在可以回复了", held)).post("/api/v1/articles/" + ARTICLE + "/comments").then()
                .statusCode(201);
    }

    @Test
    void articlesMustBePublished() {
        String a = freshMember("art");
        member(a).body(body("x")).post("/api/v1/articles/" + UNPUBLISHED + "/comments").then().statusCode(404)
                .contentType("application/problem+json");
        anonymous().get("/api/v1/articles/" + UNPUBLISHED + "/comments").then().statusCode(404);
        member(a).body(body("x")).post("/api/v1/articles/" + FAILING + "/comments").then().statusCode(503)
                .header("Retry-After", notNullValue()).contentType("application/problem+json");
        long other = post(trustedMember("art", OTHER_ARTICLE), OTHER_ARTICLE, body("别的文章"));
        member(a).body(reply("跨文章回复", other)).post("/api/v1/articles/" + ARTICLE + "/comments").then()
                .statusCode(422).body("errors[0].field", equalTo("parentId"))
                .body("errors[0].message", startsWith("is a comment on another article"));
    }

    @Test
    void recentCommentsAndCounts() {
        String a = trustedMember("recent", THIRD_ARTICLE);
        long c = post(a, THIRD_ARTICLE, body("最新的评论:**粗体** 与公式 $x^2$ " + a));
        anonymous().get("/api/v1/comments/recent?limit=5").then().statusCode(200)
                .body("[0].id", equalTo((int) c))
                .body("[0].articleTitle", equalTo("文章3"))
                .body("[0].excerpt", containsString("最新的评论"))
                .body("[0].excerpt", not(containsString("<strong>")));
        long count = anonymous().get("/api/v1/articles/" + THIRD_ARTICLE + "/comments").jsonPath().getLong("total");
        anonymous().get("/api/v1/comments/counts?articleIds=" + THIRD_ARTICLE + ",999").then().statusCode(200)
                .body("'" + THIRD_ARTICLE + "'", equalTo((int) count)).body("'999'", equalTo(0));
        String tooMany = String.join(",", java.util.stream.IntStream.rangeClosed(1, 101).mapToObj(String::valueOf).toList());
        anonymous().get("/api/v1/comments/counts?articleIds=" + tooMany).then().statusCode(400);
        anonymous().get("/api/v1/comments/counts?articleIds=a,b").then().statusCode(400);
    }

    @Test
    void anonymousReadsMayBeCachedBrieflyAndRevalidatedMembersReadsArePrivate() {
        String a = trustedMember("cached", THIRD_ARTICLE);
        post(a, THIRD_ARTICLE, body("缓存头 " + a));
        for (String path : List.of("/api/v1/comments/recent", "/api/v1/articles/" + THIRD_ARTICLE + "/comments",
                "/api/v1/comments/counts?articleIds=" + THIRD_ARTICLE)) {
            String etag = anonymous().get(path).then().statusCode(200)
                    .header("Cache-Control", "public, max-age=10").header("ETag", notNullValue())
                    .extract().header("ETag");
            anonymous().header("If-None-Match", etag).get(path).then().statusCode(304);
        }
        // a member's thread view includes their own pending comments and votes: never for a shared cache
        member(a).get("/api/v1/articles/" + THIRD_ARTICLE + "/comments").then().statusCode(200)
                .header("Cache-Control", "private, no-cache");
    }

    @Test
    void editsWithinTheWindowKeepHistoryForModerators() {
        String a = trustedMember("edit", ARTICLE);
        long c = post(a, ARTICLE, body("初稿 $a$"));
        member(a).body(Map.of("body", "改稿 $b$")).patch("/api/v1/comments/" + c).then().statusCode(200)
                .body("bodyHtml", containsString("改稿")).body("editedAt", notNullValue());
        moderator().get("/api/v1/comments/" + c + "/edits").then().statusCode(200)
                .body("[0].body", equalTo("初稿 $a$"));
        member(a).get("/api/v1/comments/" + c + "/edits").then().statusCode(403);
    }
}
