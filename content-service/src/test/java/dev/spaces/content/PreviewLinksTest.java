package dev.spaces.content;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static dev.spaces.content.TestSupport.anonymous;
import static dev.spaces.content.TestSupport.article;
import static dev.spaces.content.TestSupport.as;
import static dev.spaces.content.TestSupport.author;
import static dev.spaces.content.TestSupport.editor;
import static dev.spaces.content.TestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class PreviewLinksTest {

    private static long draft(io.restassured.specification.RequestSpecification who, String title) {
        return who.body(article(title, "草稿 $a^2+b^2=c^2$\n")).post("/api/v1/articles").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static JsonPath share(long articleId) {
        return author().post("/api/v1/articles/" + articleId + "/preview-links").then().statusCode(201)
                .extract().jsonPath();
    }

    @Test
    void anAuthorSharesADraftThatAnyoneOpensWithoutAnAccount() {
        String title = unique("预览");
        long id = draft(author(), title);
        var created = author().post("/api/v1/articles/" + id + "/preview-links").then().statusCode(201).extract();
        JsonPath link = created.jsonPath();
        assertThat(created.header("Location")).endsWith("/api/v1/articles/" + id + "/preview-links/"
                + link.getLong("id"));
        String token = link.getString("token");
        String siteUrl = anonymous().get("/api/v1/site").jsonPath().getString("siteUrl");
        assertThat(link.getString("url")).isEqualTo(siteUrl + "/preview/" + token);
        assertThat(link.getLong("articleId")).isEqualTo(id);
        // seven days unless asked otherwise
        Duration lifetime = Duration.between(Instant.now(), Instant.parse(link.getString("expiresAt")));
        assertThat(lifetime).isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7));

        anonymous().get("/api/v1/preview-links/" + token).then().statusCode(200)
                .header("X-Robots-Tag", containsString("noindex"))
                .header("Cache-Control", "private, no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("ETag", nullValue())
                .body("id", equalTo((int) id)).body("title", equalTo(title)).body("status", equalTo("draft"))
                .body("html", containsString("<math")).body("markdown", nullValue());
        anonymous().get("/api/v1/preview-links/" + token + "?math=tex").then().statusCode(200)
                .body("html", containsString("\\(a^2&#43;b^2&#61;c^2\\)"));
        // the article as it is now, not as it was when the link was made
        long version = author().get("/api/v1/articles/" + id).jsonPath().getLong("version");
        String changed = unique("改过的预览");
        author().header("If-Match", "\"" + version + "\"").body(article(changed, "新内容"))
                .put("/api/v1/articles/" + id).then().statusCode(200);
        anonymous().get("/api/v1/preview-links/" + token).then().statusCode(200).body("title", equalTo(changed));
        // and the draft itself stays private
        anonymous().get("/api/v1/articles/" + id).then().statusCode(404);
    }

    @Test
    void revokedLinksAreGoneAndTheListShowsOnlyWorkingOnes() {
        long id = draft(author(), unique("撤销"));
        JsonPath first = share(id);
        JsonPath second = share(id);
        author().get("/api/v1/articles/" + id + "/preview-links").then().statusCode(200).body("", hasSize(2))
                .body("[0].id", equalTo(second.getInt("id"))) // newest first
                .body("[0].token", equalTo(second.getString("token")));

        author().delete("/api/v1/articles/" + id + "/preview-links/" + first.getLong("id")).then().statusCode(204);
        author().delete("/api/v1/articles/" + id + "/preview-links/" + first.getLong("id")).then().statusCode(204);
        author().get("/api/v1/articles/" + id + "/preview-links").then().body("id", equalTo(
                java.util.List.of(second.getInt("id"))));
        anonymous().get("/api/v1/preview-links/" + first.getString("token")).then().statusCode(410)
                .contentType("application/problem+json").body("type", endsWith("/preview-link-gone"))
                .body("detail", containsString("revoked"));
        anonymous().get("/api/v1/preview-links/" + second.getString("token")).then().statusCode(200);
        // a link of another article is not this article's to revoke
        long other = draft(author(), unique("别的"));
        author().delete("/api/v1/articles/" + other + "/preview-links/" + second.getLong("id")).then()
                .statusCode(404);
    }

    @Test
    void anExpiredLinkIsGone() throws InterruptedException {
        long id = draft(author(), unique("过期"));
        Instant expiresAt = Instant.now().plusSeconds(2);
        String token = author().body(Map.of("expiresAt", expiresAt.toString()))
                .post("/api/v1/articles/" + id + "/preview-links").then().statusCode(201)
                .extract().jsonPath().getString("token");
        anonymous().get("/api/v1/preview-links/" + token).then().statusCode(200);
        while (!Instant.now().isAfter(expiresAt)) {
            Thread.sleep(100);
        }
        anonymous().get("/api/v1/preview-links/" + token).then().statusCode(410)
                .contentType("application/problem+json").body("detail", containsString("expired"));
        author().get("/api/v1/articles/" + id + "/preview-links").then().body("", hasSize(0));
    }

    @Test
    void forgedOrAlteredTokensOpenNothing() throws Exception {
        long id = draft(author(), unique("伪造"));
        String token = share(id).getString("token");
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);

        // a later expiry under the old signature
        String extended = parts[0] + "." + (Long.parseLong(parts[1]) + 86400) + "." + parts[2];
        // another link's id under this signature
        String otherLink = (Long.parseLong(parts[0]) + 1) + "." + parts[1] + "." + parts[2];
        // one signature character changed
        char c = parts[2].charAt(5);
        String flipped = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 5) + (c == 'A' ? 'B' : 'A')
                + parts[2].substring(6);
        // well formed and signed, but with a key that is not the service's
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("someone-elses-secret-of-32-characters!".getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        String foreignSignature = Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(
                ("spaces-preview-link:v1:" + parts[0] + ":" + parts[1]).getBytes(StandardCharsets.UTF_8)));
        String foreign = parts[0] + "." + parts[1] + "." + foreignSignature;

        // the same link and signature spelled otherwise: a signed number with leading zero, a last signature
        // character whose unused bits differ (a lenient Base64 decoder yields the same bytes)
        String padded = "0" + token;
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = parts[2].charAt(parts[2].length() - 1);
        String lastBits = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 1)
                + alphabet.charAt(alphabet.indexOf(last) ^ 1);

        for (String forged : new String[] {extended, otherLink, flipped, foreign, padded, lastBits, "abc", "1.2.3",
                parts[0]}) {
            anonymous().get("/api/v1/preview-links/" + forged).then().statusCode(404)
                    .contentType("application/problem+json").body("title", not(containsString("伪造")));
        }
        anonymous().get("/api/v1/preview-links/" + token).then().statusCode(200);
    }

    @Test
    void anExpiryInThePastOrMoreThanThirtyDaysAheadIsRefused() {
        long id = draft(author(), unique("期限"));
        author().body(Map.of("expiresAt", Instant.now().plus(Duration.ofDays(31)).toString()))
                .post("/api/v1/articles/" + id + "/preview-links").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("expiresAt"));
        author().body(Map.of("expiresAt", Instant.now().minusSeconds(60).toString()))
                .post("/api/v1/articles/" + id + "/preview-links").then().statusCode(422)
                .body("errors[0].field", equalTo("expiresAt"));
        Instant inTenDays = Instant.now().plus(Duration.ofDays(10));
        String expiresAt = author().body(Map.of("expiresAt", inTenDays.toString()))
                .post("/api/v1/articles/" + id + "/preview-links").then().statusCode(201)
                .extract().jsonPath().getString("expiresAt");
        assertThat(Instant.parse(expiresAt)).isEqualTo(inTenDays.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void onlyThoseWhoMayEditTheArticleShareIt() {
        long mine = draft(author(), unique("我的草稿"));
        // someone else's draft does not exist for another author (as GET /articles/{id} answers)...
        as("other-author", "author").post("/api/v1/articles/" + mine + "/preview-links").then().statusCode(404)
                .contentType("application/problem+json");
        as("other-author", "author").get("/api/v1/articles/" + mine + "/preview-links").then().statusCode(404);
        // ...and once published it exists, but is not theirs to share
        author().post("/api/v1/articles/" + mine + "/publish").then().statusCode(200);
        as("other-author", "author").post("/api/v1/articles/" + mine + "/preview-links").then().statusCode(403)
                .contentType("application/problem+json");
        as("reader", "member").post("/api/v1/articles/" + mine + "/preview-links").then().statusCode(403);
        anonymous().post("/api/v1/articles/" + mine + "/preview-links").then().statusCode(401);
        anonymous().get("/api/v1/articles/" + mine + "/preview-links").then().statusCode(401);
        // editors share anyone's drafts
        long theirs = draft(as("someone", "author"), unique("别人的草稿"));
        editor().post("/api/v1/articles/" + theirs + "/preview-links").then().statusCode(201);
        author().post("/api/v1/articles/999999999/preview-links").then().statusCode(404);
    }
}
