package dev.spaces.comment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static dev.spaces.comment.ContentServiceStub.ARTICLE;
import static dev.spaces.comment.TestSupport.body;
import static dev.spaces.comment.TestSupport.freshMember;
import static dev.spaces.comment.TestSupport.member;
import static dev.spaces.comment.TestSupport.trustedMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** The bad inputs, one test each: nothing executable is stored, nothing hangs, nothing 5xx. */
@QuarkusTest
class CommentSafetyTest {

    private static final String PATH = "/api/v1/articles/" + ARTICLE + "/comments";

    private String html(String markdown) {
        String who = trustedMember("safe", ARTICLE);
        return member(who).body(body(markdown)).post(PATH).then().statusCode(201).extract().jsonPath()
                .getString("bodyHtml");
    }

    @Test
    void javascriptLinkKeepsTextDropsHref() {
        assertThat(html("[x](javascript:alert(1))")).contains("x").doesNotContain("javascript").doesNotContain("href");
    }

    @Test
    void tabObfuscatedJavascriptLink() {
        assertThat(html("<a href=\"java&#09;script:alert(1)\">y</a> [z](java&#09;script:alert(1))"))
                .contains("y").contains("z").doesNotContain("script:").doesNotContain("href");
    }

    @Test
    void dataUrlLink() {
        assertThat(html("[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"))
                .contains("d").doesNotContain("data:").doesNotContain("href");
    }

    @Test
    void linksAreUgcNofollow() {
        assertThat(html("[site](https://example.org)")).contains("href=\"https://example.org\"")
                .contains("ugc").contains("nofollow").contains("noopener");
    }

    @Test
    void imgOnerror() {
        assertThat(html("<img src=x onerror=alert(1)>文字")).contains("文字").doesNotContain("onerror").doesNotContain("<img");
    }

    @Test
    void svgScript() {
        assertThat(html("<svg><script>alert(1)</script></svg>可见")).doesNotContain("<script").doesNotContain("<svg")
                .doesNotContain("alert(1)");
    }

    @Test
    void mutationXssIsStrippedAndStable() {
        String out = html("<form><math><mtext></form><form><mglyph><style><img src=x onerror=alert(1)>");
        assertThat(out).doesNotContain("onerror").doesNotContain("<img").doesNotContain("<style").doesNotContain("<form");
    }

    @Test
    void emphasisInsideFormulaStaysOneFormula() {
        String who = trustedMember("math", ARTICLE);
        member(who).body(body("$a_1*b_2=c_1*d_2$")).post(PATH).then().statusCode(201)
                .body("formulas", hasSize(1)).body("formulas[0].tex", equalTo("a_1*b_2=c_1*d_2"))
                .body("bodyHtml", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<em>")));
        member(who).body(body("$\\left\\{x\\right\\}$")).post(PATH).then().statusCode(201)
                .body("formulas", hasSize(1)).body("formulas[0].tex", equalTo("\\left\\{x\\right\\}"));
    }

    @Test
    void dangerousTexIsAnInlineErrorAndNeverBlocks() {
        String who = trustedMember("tex", ARTICLE);
        for (String tex : new String[]{"$\\href{javascript:alert(1)}{x}$", "$\\def\\a{\\a\\a}\\a$",
                "$" + "{".repeat(9_990) + "$"}) {
            long started = System.nanoTime();
            String html = member(who).body(body(tex)).post(PATH).then().statusCode(201)
                    .extract().jsonPath().getString("bodyHtml");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
            assertThat(html).doesNotContain("<a ").doesNotContain("javascript:alert(1)\"");
        }
        String loop = member(who).body(body("循环 $\\def\\b{\\b\\b}\\b$")).post(PATH).then().statusCode(201)
                .extract().jsonPath().getString("bodyHtml");
        assertThat(loop).contains("math-error");
    }

    @Test
    void codeFenceIsVerbatimAndEscaped() {
        assertThat(html("```js\n$x$ <script>alert(1)</script>\n```"))
                .contains("$x$").contains("&lt;script&gt;").doesNotContain("<script").doesNotContain("math inline");
    }

    @Test
    void oversizedBodies() throws IOException {
        String who = freshMember("big");
        member(who).body(body("长".repeat(10_001))).post(PATH).then().statusCode(422)
                .body("errors[0].field", equalTo("body"));
        assertThat(statusForAnnouncedBody(who, 1024 * 1024)).isEqualTo(413);
    }

    /**
     * The status answered to a POST that announces a body of {@code length} bytes and sends none of it. Over
     * quarkus.http.limits.max-body-size the server answers 413 from the Content-Length alone and closes the
     * connection; a client still writing the body then fails with "connection reset" at random, so none is sent.
     */
    private static int statusForAnnouncedBody(String member, int length) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            String request = "POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + dev.spaces.commons.testing.TestTokens.token(member, "member") + "\r\n"
                    + "Content-Length: " + length + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).as("status line").startsWith("HTTP/1.1 ");
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    @Test
    void controlCharactersAndInvalidUtf8() {
        String who = freshMember("ctl");
        member(who).body(body("a\u0000b")).post(PATH).then().statusCode(422);
        byte[] invalid = {'{', '"', 'b', 'o', 'd', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        RestAssured.given().auth().oauth2(dev.spaces.commons.testing.TestTokens.token(who, "member"))
                .contentType("application/json").body(invalid).post(PATH).then().statusCode(400)
                .contentType("application/problem+json");
        member(who).body(body("第一行\r\n第二行")).post(PATH).then().statusCode(201);
    }

    @Test
    void tooManyLinksAndBannedWordsAreHeld() {
        String who = trustedMember("links", ARTICLE);
        member(who).body(body("https://a.example https://b.example https://c.example")).post(PATH).then()
                .statusCode(201).body("status", equalTo("pending")).body("holdReason", notNullValue());
        member(who).body(body("来玩 CASINO 吧")).post(PATH).then().statusCode(201).body("status", equalTo("pending"));
    }

    @Test
    void duplicateWithinTenMinutes() {
        String who = freshMember("dup");
        member(who).body(body("同样的话")).post(PATH).then().statusCode(201);
        member(who).body(body("同样的话")).post(PATH).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void fiftyPostsInAMinuteAreRateLimited() {
        String who = trustedMember("flood", ARTICLE);
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 50; i++) {
            var response = member(who).body(body("刷屏 " + i)).post(PATH);
            assertThat(response.statusCode()).isIn(201, 429);
            if (response.statusCode() == 429) {
                limited++;
                retryAfter = response.header("Retry-After");
            }
        }
        assertThat(limited).isGreaterThan(0);
        assertThat(retryAfter).isNotNull();
    }

    @Test
    void honeypotIsSilentlyDropped() {
        String who = freshMember("bot");
        member(who).body(Map.of("body", "买买买", "website", "http://spam.example")).post(PATH).then()
                .statusCode(202).body("status", equalTo("pending"));
        member(who).get(PATH + "?limit=100").then()
                .body("items.findAll { it.author.displayName == '" + who + "' }", hasSize(0));
    }

    @Test
    void guestsAreOffByDefault() {
        RestAssured.given().contentType("application/json").body(Map.of("body", "游客", "guestName", "路人",
                "guestEmail", "a@b.example")).post(PATH).then().statusCode(401);
    }
}
