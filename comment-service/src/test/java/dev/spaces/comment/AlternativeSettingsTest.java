package dev.spaces.comment;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.spaces.comment.ContentServiceStub.ARTICLE;
import static dev.spaces.comment.TestSupport.anonymous;
import static dev.spaces.comment.TestSupport.moderator;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Settings other than the defaults, in one application instance: guest comments enabled (name and e-mail
 * required, always moderated, honeypot silently dropped), a two-second edit window, and retention disabled.
 */
@QuarkusTest
@TestProfile(AlternativeSettingsTest.Settings.class)
class AlternativeSettingsTest {

    public static class Settings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("spaces.comment.guest-comments", "true", "spaces.comment.edit-window", "PT2S",
                    "spaces.events.relay.retention.enabled", "false");
        }
    }

    private static final String PATH = "/api/v1/articles/" + ARTICLE + "/comments";

    @Test
    void guestsNeedNameAndEmailAndAreModerated() {
        anonymous().body(Map.of("body", "没有署名")).post(PATH).then().statusCode(422);
        anonymous().body(Map.of("body", "坏邮箱", "guestName", "路人", "guestEmail", "not-an-email")).post(PATH)
                .then().statusCode(422);
        anonymous().body(Map.of("body", "冒充", "guestName", "管理员", "guestEmail", "a@b.example")).post(PATH)
                .then().statusCode(422);
        long id = anonymous().body(Map.of("body", "游客的评论 $x$", "guestName", "路人甲", "guestEmail", "a@b.example"))
                .post(PATH).then().statusCode(201).body("status", equalTo("pending"))
                .body("author.displayName", equalTo("路人甲")).body("author.badges[0]", equalTo("guest"))
                .extract().jsonPath().getLong("id");
        moderator().get("/api/v1/moderation/comments?size=100").then().body("items.id", hasItem((int) id));
        anonymous().body(Map.of("body", "机器人", "guestName", "bot", "guestEmail", "b@b.example",
                "website", "http://spam.example")).post(PATH).then().statusCode(202);
        moderator().get("/api/v1/moderation/comments?size=100").then()
                .body("items.findAll { it.author.displayName == 'bot' }.size()", equalTo(0));
    }

    @Test
    void editsCloseWhenTheWindowEnds() throws InterruptedException {
        String who = TestSupport.trustedMember("late", ARTICLE);
        long id = TestSupport.post(who, ARTICLE, TestSupport.body("改得太晚 " + who));
        Thread.sleep(2_500);
        TestSupport.member(who).body(Map.of("body", "改不了了")).patch("/api/v1/comments/" + id).then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void adminCanRerenderOutdatedComments() {
        TestSupport.as("admin", "admin").post("/api/v1/moderation/rerender").then().statusCode(200)
                .body("rerendered", equalTo(0));
        moderator().post("/api/v1/moderation/rerender").then().statusCode(403);
    }

    @Test
    void disabledRetentionKeepsEverything() throws Exception {
        var dataSource = jakarta.enterprise.inject.spi.CDI.current().select(io.agroal.api.AgroalDataSource.class).get();
        java.util.UUID id = java.util.UUID.randomUUID();
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("""
                INSERT INTO outbox_event (id, type, aggregate_type, aggregate_id, aggregate_version, occurred_at,
                                          payload, dispatched_at)
                VALUES (?, 'comment.created', 'retention-off', 1, 1, now() - interval '1 year', '{}',
                        now() - interval '1 year')""")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
        var retention = jakarta.enterprise.inject.spi.CDI.current()
                .select(dev.spaces.comment.service.RetentionService.class).get();

        org.assertj.core.api.Assertions.assertThat(retention.prune().total()).isZero();

        try (var c = dataSource.getConnection();
             var ps = c.prepareStatement("SELECT count(*) FROM outbox_event WHERE id = ?")) {
            ps.setObject(1, id);
            try (var rs = ps.executeQuery()) {
                rs.next();
                org.assertj.core.api.Assertions.assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
    }
}
