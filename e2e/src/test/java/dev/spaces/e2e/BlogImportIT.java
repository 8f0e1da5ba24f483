package dev.spaces.e2e;

import dev.spaces.e2e.support.Api;
import dev.spaces.e2e.support.Poll;
import dev.spaces.e2e.support.Stack;
import dev.spaces.e2e.support.StackExtension;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #22 on the real stack: a WordPress blog moves in through the gateway ({@code POST /api/v1/imports} with its
 * WXR export, followed as a job), its posts keep their numbers on the reader site, and its old links — WordPress's
 * {@code /?p={id}} and dated permalinks, Typecho's {@code /index.php/archives/{id}/} — answer 301 to them.
 * <p>
 * The export is commons/migration's WXR fixture (written as WordPress's exporter writes it), its post numbers moved
 * above the stack's own articles so that they are free to keep.
 */
@Order(8)
@ExtendWith(StackExtension.class)
class BlogImportIT {

    private static final Path WXR = Path.of("../commons/migration/src/test/resources/wxr/math-blog-1.2.xml");
    private static final Pattern POST_NUMBER = Pattern.compile("<wp:post_(id|parent)>(\\d+)</wp:post_\\1>");
    // [comment import] comment numbers are moved too: the stack's own comments have taken the fixture's low ones
    private static final Pattern COMMENT_NUMBER = Pattern.compile("<wp:comment_(id|parent)>(\\d+)</wp:comment_\\1>");

    private final Stack stack;
    private final Api api;

    BlogImportIT(Stack stack, Api api) {
        this.stack = stack;
        this.api = api;
    }

    /** The fixture with every post number (and parent) moved up by {@code offset}; 0 stays 0 (no parent). */
    private static String exportWithNumbersFrom(long offset) throws IOException {
        String xml = Files.readString(WXR, StandardCharsets.UTF_8);
        Matcher m = POST_NUMBER.matcher(xml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long n = Long.parseLong(m.group(2));
            m.appendReplacement(out, "<wp:post_" + m.group(1) + ">" + (n == 0 ? 0 : n + offset) + "</wp:post_"
                    + m.group(1) + ">");
        }
        m.appendTail(out);
        Matcher c = COMMENT_NUMBER.matcher(out.toString());
        StringBuilder moved = new StringBuilder();
        while (c.find()) {
            long n = Long.parseLong(c.group(2));
            c.appendReplacement(moved, "<wp:comment_" + c.group(1) + ">" + (n == 0 ? 0 : n + offset) + "</wp:comment_"
                    + c.group(1) + ">");
        }
        c.appendTail(moved);
        return moved.toString();
    }

    private JsonPath importAndWait(String wxr, String sourceKey, boolean dryRun) {
        Response accepted = api.as("admin").contentType("application/xml")
                .body(wxr.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports?format=wordpress-wxr&timeZone=Asia/Shanghai&dryRun=" + dryRun + "&sourceKey="
                        + URLEncoder.encode(sourceKey, StandardCharsets.UTF_8));
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        String location = accepted.header("Location");
        return Poll.until("the import job finishes", Duration.ofMinutes(4), Duration.ofMillis(200),
                () -> api.as("admin").get(location).jsonPath(),
                job -> List.of("succeeded", "failed").contains(job.getString("state"))).value();
    }

    @Test
    void aWordPressBlogMovesInKeepingItsNumbersAndItsOldLinksLeadToThem() throws IOException {
        long offset = 800_000 + (System.currentTimeMillis() / 1000) % 100_000 * 10;
        long gauss = 11 + offset;
        long fourier = 12 + offset;
        String wxr = exportWithNumbersFrom(offset);
        String sourceKey = "https://math.example.cn/e2e-" + offset;

        JsonPath dry = importAndWait(wxr, sourceKey, true);
        assertThat(dry.getString("state")).as(dry.prettify()).isEqualTo("succeeded");
        assertThat(dry.getInt("report.counts.articles.created")).isGreaterThanOrEqualTo(2);
        api.anonymous().get("/api/v1/articles/{id}", gauss).then().statusCode(404);

        JsonPath job = importAndWait(wxr, sourceKey, false);
        assertThat(job.getString("state")).as(job.prettify()).isEqualTo("succeeded");
        assertThat(job.getString("report.source")).startsWith("wordpress-wxr");
        assertThat(job.getInt("report.counts.articles.created")).isEqualTo(dry.getInt("report.counts.articles.created"));
        assertThat(job.getList("report.notes.message", String.class)).as("the trashed post is reported as skipped")
                .contains("in WordPress's trash");

        // the reader site serves the posts at their old numbers, formulas as MathML
        String page = api.anonymous().get("/archives/{id}", gauss).then().statusCode(200).extract().asString();
        assertThat(page).contains("高斯积分").contains("<math");
        JsonPath article = api.anonymous().get("/api/v1/articles/{id}", fourier).jsonPath();
        assertThat(article.getString("slug")).isEqualTo("fourier-uncertainty");
        assertThat(article.getString("publishedAt")).isEqualTo("2020-07-01T00:00:00Z");

        // old links: WordPress's ?p= and dated permalink (looked up by slug, CJK included), Typecho's index.php form
        assertRedirect("/?p=" + fourier, "/archives/" + fourier);
        assertRedirect("/2020/07/fourier-uncertainty/", "/archives/" + fourier);
        assertRedirect("/2019/03/" + URLEncoder.encode("高斯积分的几种算法", StandardCharsets.UTF_8) + "/",
                "/archives/" + gauss);
        assertRedirect("/index.php/archives/" + gauss + "/", "/archives/" + gauss);

        // [comment import] the comments came along (7 on the Gauss post, 2 on the Fourier one): their numbers, threads
        // and dates, guests by name; the pending and the spam one are not shown, the pingback and the trackback are
        // reported as skipped
        assertThat(dry.getInt("report.counts.comments.created")).as(dry.prettify()).isEqualTo(9);
        assertThat(job.getInt("report.counts.comments.created")).as(job.prettify()).isEqualTo(9);
        assertThat(job.getInt("report.counts.comments.skipped")).isEqualTo(2);
        assertThat(job.getList("report.notes.message", String.class)).anyMatch(n -> n.contains("pingback"));
        JsonPath thread = api.anonymous().get("/api/v1/articles/{id}/comments?sort=oldest&limit=50", gauss).then()
                .statusCode(200).extract().jsonPath();
        assertThat(thread.getList("items.id", Long.class)).containsExactly(101 + offset, 104 + offset, 109 + offset);
        assertThat(thread.getList("items[0].replies.id", Long.class)).containsExactly(102 + offset);
        assertThat(thread.getList("items[1].replies.id", Long.class)).containsExactly(103 + offset);
        assertThat(thread.getString("items[0].author.displayName")).isEqualTo("王五");
        assertThat(thread.getString("items[0].createdAt")).isEqualTo("2019-03-06T01:12:45Z");
        assertThat(thread.getString("items[1].replies[0].author.displayName")).isEqualTo("赵六");
        assertThat(thread.getString("items[0].bodyHtml")).contains("<math");
        assertThat(thread.prettify()).doesNotContain("wangwu@example.com");
        // the reader site's article page keeps the old #comment-{id} anchors
        String withComments = api.anonymous().get("/archives/{id}", gauss).then().statusCode(200).extract().asString();
        assertThat(withComments).contains("id=\"comment-" + (101 + offset) + "\"")
                .contains("id=\"comment-" + (103 + offset) + "\"").contains("王五");
        // a WordPress author who had no account here is a Keycloak user now, without a password
        List<java.util.Map<String, Object>> lihua = keycloakUsers("lihua@math.example.cn");
        assertThat(lihua).hasSize(1);
        assertThat(lihua.get(0).get("username")).isEqualTo("lihua");
        JsonPath fourierThread = api.anonymous().get("/api/v1/articles/{id}/comments?sort=oldest&limit=50", fourier)
                .then().statusCode(200).extract().jsonPath();
        assertThat(fourierThread.getList("items.id", Long.class)).containsExactly(201 + offset, 203 + offset);
        assertThat(fourierThread.getString("items[0].author.displayName")).isEqualTo("李华");

        // the same export again changes nothing
        JsonPath again = importAndWait(wxr, sourceKey, false);
        assertThat(again.getInt("report.counts.articles.unchanged"))
                .isEqualTo(job.getInt("report.counts.articles.created"));
        assertThat(again.getInt("report.counts.articles.created")).isZero();
        assertThat(again.getInt("report.counts.comments.unchanged")).isEqualTo(9);
        assertThat(again.getInt("report.counts.comments.created")).isZero();
    }

    @Test
    void aFileThatIsNoExportIsRefusedInWordsAndNothingIsImported() {
        Response refused = api.as("admin").contentType("application/xml")
                .body("<rss version=\"2.0\"><channel><title>x</title></channel></rss>".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/imports?format=wordpress-wxr");
        assertThat(refused.statusCode()).isEqualTo(202); // a WXR is read in the job: it fails there, with its reason
        JsonPath job = Poll.until("the import job finishes", Duration.ofMinutes(2), Duration.ofMillis(200),
                () -> api.as("admin").get(refused.header("Location")).jsonPath(),
                j -> List.of("succeeded", "failed").contains(j.getString("state"))).value();
        assertThat(job.getString("state")).isEqualTo("failed");
        assertThat(job.getString("problem.type")).endsWith("/import-unknown-schema");
        assertThat(job.getString("problem.detail")).isNotBlank();
        api.anonymous().contentType("application/xml").body(new byte[] {'x'})
                .post("/api/v1/imports?format=wordpress-wxr").then().statusCode(401);
    }

    /** Users of the realm with this e-mail, through Keycloak's admin API (the launcher's bootstrap admin). */
    private List<java.util.Map<String, Object>> keycloakUsers(String email) {
        String admin = io.restassured.RestAssured.given().baseUri(stack.keycloakUrl())
                .contentType(io.restassured.http.ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "kcadmin").formParam("password", "kcadmin")
                .post("/realms/master/protocol/openid-connect/token").then().statusCode(200).extract()
                .path("access_token");
        return io.restassured.RestAssured.given().baseUri(stack.keycloakUrl())
                .header("Authorization", "Bearer " + admin).queryParam("email", email).queryParam("exact", true)
                .get("/admin/realms/spaces/users").then().statusCode(200).extract().jsonPath().getList("$");
    }

    private void assertRedirect(String oldPath, String target) {
        Response answer = api.anonymous().urlEncodingEnabled(false).redirects().follow(false).get(oldPath);
        assertThat(answer.statusCode()).as(oldPath).isEqualTo(301);
        assertThat(answer.header("Location")).as(oldPath).endsWith(target);
    }
}
