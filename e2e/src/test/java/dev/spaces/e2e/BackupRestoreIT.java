package dev.spaces.e2e;

import dev.spaces.e2e.support.Api;
import dev.spaces.e2e.support.Articles;
import dev.spaces.e2e.support.Poll;
import dev.spaces.e2e.support.Stack;
import dev.spaces.e2e.support.StackExtension;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./spaces backup} of the running shared stack, then {@code ./spaces restore} into a fresh state directory
 * on other ports (a second stack, stopped at the end): the restored API answers what the first one did.
 */
@Order(90)
@ExtendWith(StackExtension.class)
class BackupRestoreIT {

    private static final Duration COMMAND = Duration.ofMinutes(10);
    private static final Duration RESTORE = Duration.ofMinutes(25);

    private final Stack stack;
    private final Api api;

    BackupRestoreIT(Stack stack, Api api) {
        this.stack = stack;
        this.api = api;
    }

    @Test
    void aBackupRestoredIntoAFreshStateDirectoryAnswersWhatTheStackAnswered() throws Exception {
        // ---- what the site holds: a new member, a media file, two articles, an approved comment
        String word = Articles.uniqueWord();
        String member = "backup" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        String memberId = createMember(stack, member);
        byte[] png = png();
        Response uploaded = api.as("author").contentType("image/png").body(png)
                .post("/api/v1/media?filename=backup-restore.png");
        assertThat(uploaded.statusCode()).as(uploaded.asString()).isIn(200, 201);
        long mediaId = uploaded.jsonPath().getLong("id");
        String mediaUrl = uploaded.jsonPath().getString("url");
        long withMedia = Articles.publishNew(api, "author", word + ":备份与恢复",
                "恢复之后公式照旧:$e^{i\\pi} + 1 = 0$。\n\n![备份的图](media:" + mediaId + ")\n", List.of());
        long second = Articles.publishNew(api, "editor", Articles.uniqueWord() + ":第二篇",
                "$$\\sum_{n=1}^{\\infty} \\frac{1}{n^2} = \\frac{\\pi^2}{6}$$", List.of());
        Response comment = api.json(asMember(stack, member), Map.of("body", "备份前的评论:$a^2 + b^2 = c^2$"))
                .post("/api/v1/articles/{id}/comments", withMedia);
        assertThat(comment.statusCode()).as(comment.asString()).isEqualTo(201);
        long commentId = comment.jsonPath().getLong("id");
        assertThat(api.json(api.as("moderator"), Map.of("action", "approve", "reason", "e2e backup"))
                .post("/api/v1/comments/{id}/moderation", commentId).statusCode()).isEqualTo(200);

        Map<Long, Map<String, Object>> articles = new LinkedHashMap<>();
        for (long id : List.of(withMedia, second)) {
            articles.put(id, stable(api.as("admin").get("/api/v1/articles/{id}", id)));
        }
        assertThat((String) articles.get(withMedia).get("html")).contains("<figure class=\"media\"").contains("<math");
        Response thread = asMember(stack, member).get("/api/v1/articles/{id}/comments", withMedia);
        assertThat(thread.jsonPath().getList("items.id", Long.class)).containsExactly(commentId);
        byte[] mediaBytes = api.anonymous().get(mediaUrl).then().statusCode(200).extract().asByteArray();

        // ---- backup of the running stack, which keeps serving
        Path work = stack.home().resolveSibling("backup-restore");
        delete(work);
        Path backup = work.resolve("backup");
        Instant t0 = Instant.now();
        Stack.Result backedUp = stack.run(COMMAND, "backup", backup.toString());
        System.out.printf("[e2e] backup took %d s%n", Duration.between(t0, Instant.now()).toSeconds());
        assertThat(backedUp.exitCode()).as(backedUp.output()).isZero();
        assertThat(backedUp.output()).contains("Backup written to " + backup);
        assertThat(api.anonymous().get("/api/v1/articles/{id}", withMedia).statusCode()).isEqualTo(200);

        JsonPath manifest = JsonPath.from(backup.resolve("manifest.json").toFile());
        assertThat(manifest.getString("format")).isEqualTo("spaces-backup/1");
        assertThat(manifest.getString("versions.postgresql")).startsWith("17.");
        assertThat(manifest.getInt("databases.spaces_content.rows.'public.article'")).isGreaterThanOrEqualTo(2);
        assertThat(manifest.getInt("databases.spaces_content.rows.'public.media'")).isGreaterThanOrEqualTo(1);
        assertThat(manifest.getInt("databases.spaces_comment.rows.'public.comment'")).isGreaterThanOrEqualTo(1);
        assertThat(manifest.getInt("keycloak.users")).isGreaterThanOrEqualTo(7); // six demo users and ours
        assertThat(manifest.getInt("media.files")).isGreaterThanOrEqualTo(1);
        assertThat(Files.readString(backup.resolve("checksums.sha256"))).contains("postgres/spaces_content.dump")
                .contains("keycloak/spaces-realm.json");

        // refusals: a directory that is not empty, a restore over a running stack
        Stack.Result again = stack.run(COMMAND, "backup", backup.toString());
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.output()).contains("is not empty");
        Stack.Result overRunning = stack.run(COMMAND, "restore", backup.toString());
        assertThat(overRunning.exitCode()).isNotZero();
        assertThat(overRunning.output()).contains("is running");

        // ---- restore into a fresh state directory on other ports
        Stack restored = stack.beside(work.resolve("spaces-home"));
        try {
            t0 = Instant.now();
            Stack.Result restoring = restored.run(RESTORE, "restore", backup.toString());
            System.out.printf("[e2e] restore (with the second stack's start) took %d s%n",
                    Duration.between(t0, Instant.now()).toSeconds());
            assertThat(restoring.exitCode()).as(restoring.output()).isZero();
            assertThat(restoring.output()).contains("as in the manifest").contains("Restored " + backup);
            Api other = new Api(restored);

            for (var article : articles.entrySet()) {
                assertThat(stable(other.as("admin").get("/api/v1/articles/{id}", article.getKey())))
                        .as("article %d", article.getKey()).isEqualTo(article.getValue());
            }
            Response restoredThread = asMember(restored, member).get("/api/v1/articles/{id}/comments", withMedia);
            assertThat(restoredThread.jsonPath().getList("items.id", Long.class)).containsExactly(commentId);
            assertThat(restoredThread.jsonPath().getString("items[0].bodyHtml"))
                    .isEqualTo(thread.jsonPath().getString("items[0].bodyHtml"));
            assertThat(restoredThread.jsonPath().getString("items[0].author.id"))
                    .isEqualTo(thread.jsonPath().getString("items[0].author.id"));
            assertThat(other.anonymous().get(mediaUrl).then().statusCode(200).extract().asByteArray())
                    .isEqualTo(mediaBytes);
            assertThat(other.as("author").get("/api/v1/media/{id}", mediaId).jsonPath().getString("hash"))
                    .isEqualTo(uploaded.jsonPath().getString("hash"));

            // the index was rebuilt from content: the article is found by its unique word
            Poll.until("the restored article in search", Duration.ofSeconds(60), Duration.ofSeconds(1),
                    () -> other.anonymous().queryParam("q", word).get("/api/v1/search"),
                    r -> r.statusCode() == 200 && r.jsonPath().getList("hits.id", Long.class).contains(withMedia));

            // the member's account came along with its id and password
            assertThat(subject(memberToken(restored, member))).isEqualTo(memberId);
        } finally {
            restored.run(COMMAND, "down");
        }
        assertThat(restored.processesOfHome()).isEmpty();
        // a stopped stack is not backed up
        Stack.Result stopped = restored.run(COMMAND, "backup", work.resolve("second").toString());
        assertThat(stopped.exitCode()).isNotZero();
        assertThat(stopped.output()).contains("is not up");
        delete(work);
    }

    /** The fields a restore must keep: all but those that change on reading (reads) or with the address (url). */
    private static Map<String, Object> stable(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        Map<String, Object> fields = new LinkedHashMap<>(response.jsonPath().getMap(""));
        fields.remove("reads");
        fields.remove("url");
        fields.remove("citationUrl");
        fields.remove("coverImages");
        return fields;
    }

    /** The member's password: the realm refuses one equal to the user name. */
    private static String password(String member) {
        return member + "-Pw1";
    }

    private static String memberToken(Stack stack, String member) {
        Response response = RestAssured.given().baseUri(stack.keycloakUrl()).contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", "spaces-cli")
                .formParam("username", member).formParam("password", password(member))
                .post("/realms/spaces/protocol/openid-connect/token");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.path("access_token");
    }

    private static io.restassured.specification.RequestSpecification asMember(Stack stack, String member) {
        return RestAssured.given().baseUri(stack.gatewayUrl()).header("Authorization", "Bearer " + memberToken(stack, member));
    }

    /** A member made through Keycloak's admin API; returns its id. */
    private static String createMember(Stack stack, String username) {
        String admin = RestAssured.given().baseUri(stack.keycloakUrl()).contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "kcadmin").formParam("password", "kcadmin")
                .post("/realms/master/protocol/openid-connect/token").then().statusCode(200).extract()
                .path("access_token");
        Response created = RestAssured.given().baseUri(stack.keycloakUrl()).header("Authorization", "Bearer " + admin)
                .contentType(ContentType.JSON)
                .body(Map.of("username", username, "enabled", true, "email", username + "@spaces.test",
                        "emailVerified", true, "firstName", "Backup", "lastName", "Member",
                        "credentials", List.of(Map.of("type", "password", "value", password(username), "temporary", false))))
                .post("/admin/realms/spaces/users");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String location = created.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String subject(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonPath.from(payload).getString("sub");
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(ThreadLocalRandom.current().nextInt(0xFFFFFF))); // new bytes: a new library item
        g.fillRect(0, 0, 48, 32);
        g.setColor(Color.WHITE);
        g.drawLine(0, 0, 47, 31);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path p : paths) {
            Files.delete(p);
        }
    }
}
