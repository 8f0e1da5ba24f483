package dev.spaces.comment;

import dev.spaces.comment.mail.SmtpServer;
import dev.spaces.commons.testing.PostgresTestResource;
import dev.spaces.commons.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Real PostgreSQL, a stubbed content-service, a real SMTP server (GreenMail), and tokens; every test uses fresh members. */
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(ContentServiceStub.class)
// mail (mail.*): a real SMTP server for the mailer
@QuarkusTestResource(SmtpServer.class)
public final class TestSupport {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestSupport() {
    }

    /** A member nobody else uses (own rate-limit bucket, own history). */
    public static String freshMember(String prefix) {
        return prefix + SEQUENCE.incrementAndGet() + "x" + System.nanoTime() % 100000;
    }

    public static RequestSpecification as(String username, String... roles) {
        return TestTokens.as(username, roles);
    }

    public static RequestSpecification member(String username) {
        return TestTokens.as(username, "member");
    }

    public static RequestSpecification moderator() {
        return TestTokens.as("moderator", "moderator");
    }

    public static RequestSpecification anonymous() {
        return TestTokens.anonymous();
    }

    public static Map<String, Object> body(String text) {
        return Map.of("body", text);
    }

    public static Map<String, Object> reply(String text, long parentId) {
        return Map.of("body", text, "parentId", parentId);
    }

    /** Posts as a member and returns the new comment id. */
    public static long post(String username, long articleId, Map<String, Object> request) {
        return member(username).body(request).post("/api/v1/articles/" + articleId + "/comments")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static void approve(long commentId) {
        moderator().body(Map.of("action", "approve")).post("/api/v1/comments/" + commentId + "/moderation")
                .then().statusCode(200);
    }

    /** A member whose comments are approved at once (one approved comment makes them trusted). */
    public static String trustedMember(String prefix, long articleId) {
        String name = freshMember(prefix);
        approve(post(name, articleId, body("第一条评论 " + name)));
        return name;
    }
}
