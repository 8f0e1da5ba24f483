package dev.spaces.e2e;

import dev.spaces.e2e.support.Api;
import dev.spaces.e2e.support.html.NuChecker;
import dev.spaces.e2e.support.Articles;
import dev.spaces.e2e.support.Poll;
import dev.spaces.e2e.support.Stack;
import dev.spaces.e2e.support.StackExtension;
import dev.spaces.e2e.support.browser.Browser;
import dev.spaces.e2e.support.browser.BrowserExtension;
import dev.spaces.e2e.support.browser.Keyboard;
import dev.spaces.e2e.support.browser.Page;
import dev.spaces.e2e.support.browser.Scripts;
import dev.spaces.e2e.support.browser.Viewport;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #21, readers sign in and comment on the reader site, in a real browser on the real stack: alice signs in on
 * Keycloak's own login page from an article's 登录后评论, comes back to the article, and posts a comment with a
 * formula from her phone with JavaScript off (a plain HTML form); she sees it waiting for moderation, nobody else
 * does; once a moderator approves it, an anonymous reader sees it with its formula as MathML (the gateway's cached
 * page purged by the comment.approved event). On a desktop with JavaScript on she replies through 回复, previews
 * the reply rendered by the server, and is told in words what is wrong with an empty comment. Screenshots:
 * {@code e2e/target/screenshots/site-comments-*.png}.
 */
@Order(30)
@ExtendWith({StackExtension.class, BrowserExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteCommentsIT {

    private static final Duration SCREEN = Duration.ofSeconds(30);
    /** The comment.approved event purges the gateway's copy of the page; a few seconds at most. */
    private static final Duration ANONYMOUS_VIEW_WITHIN = Duration.ofSeconds(20);
    private static final Pattern COMMENT_ANCHOR = Pattern.compile("#comment-(\\d+)$");

    private final Api api;
    private final Stack stack;
    private final String word = Articles.uniqueWord();
    private long articleId;
    private long aliceComment;

    SiteCommentsIT(Api api, Stack stack) {
        this.api = api;
        this.stack = stack;
    }

    @BeforeAll
    void publishAnArticleToCommentOn() {
        articleId = Articles.publishNew(api, "author", word + "：读者评论", "正文，含公式 $E = mc^2$。\n\n" + word + "\n",
                List.of("端到端测试"));
    }

    private String articleUrl() {
        return stack.gatewayUrl() + "/archives/" + articleId;
    }

    @Test
    @Order(1)
    void aliceSignsInFromTheArticleAndPostsAFormulaFromHerPhoneWithJavascriptOff(Browser browser) {
        Page phone = online(browser.open(Viewport.PHONE, Scripts.OFF));
        phone.cdp("Network.clearBrowserCookies", Map.of()); // a signed-out start: cookies are the browser's
        phone.load(articleUrl());
        assertThat(phone.count("#comment-body")).as("no form for a signed-out reader").isZero();
        assertThat(Keyboard.text(phone, ".login-to-comment")).isEqualTo("登录后评论");
        assertThat(Keyboard.text(phone, "header .account")).isEqualTo("登录");

        Keyboard.press(phone, ".login-to-comment a");
        Keyboard.awaitPage(phone, "Keycloak's own login page", SCREEN,
                url -> url.startsWith(stack.keycloakUrl() + "/realms/spaces/"), "#username");
        Keyboard.type(phone, "#username", "alice");
        Keyboard.type(phone, "#password", "alice");
        Keyboard.press(phone, "#kc-login");
        String back = Keyboard.awaitPage(phone, "back on the article, signed in, at the form", SCREEN,
                url -> url.startsWith(articleUrl()), "#comment-body");
        assertThat(back).as("the code and state are not left in the address").doesNotContain("code=")
                .doesNotContain("state=");
        assertThat(Keyboard.text(phone, "header .account .viewer")).as("the header names her").isNotBlank();
        assertThat(Keyboard.text(phone, "header .account")).contains("退出");

        // three links: held for a moderator whatever alice wrote before on this shared stack (her first comment
        // would be held anyway, but earlier scenarios may have made her a known member)
        String body = "求和的记号 $\\sum_{i=1}^n x_i$ 很常见，见 [一](https://example.org/1)、[二](https://example.org/2)、"
                + "[三](https://example.org/3)。" + word;
        Keyboard.type(phone, "#comment-body", body);
        Keyboard.press(phone, "button[value=post]");
        String posted;
        try {
            posted = Keyboard.awaitPage(phone, "the article again, at her new comment (post/redirect/get)", SCREEN,
                    url -> COMMENT_ANCHOR.matcher(url).find(), "li.comment.pending");
        } catch (AssertionError e) {
            diagnose(phone);
            throw e;
        }
        Matcher anchor = COMMENT_ANCHOR.matcher(posted);
        assertThat(anchor.find()).isTrue();
        aliceComment = Long.parseLong(anchor.group(1));
        String mine = "#comment-" + aliceComment;
        assertThat(phone.count(mine + ".pending")).as("her comment, waiting for moderation").isEqualTo(1);
        assertThat(Keyboard.text(phone, mine + " .pending-badge")).contains("待审核");
        assertThat(phone.count(mine + " .comment-body math")).as("its formula as MathML").isEqualTo(1);
        assertThat(phone.widerThanScreen()).as("nothing widens the phone page").isFalse();
        phone.screenshot("site-comments-pending-phone");

        // only she sees it: the page for anyone else (no cookie) does not have it, and is shared by the gateway
        Response anonymous = RestAssured.given().get(articleUrl());
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.asString()).doesNotContain("id=\"comment-" + aliceComment + "\"").contains("登录后评论");
        assertThat(anonymous.header("Set-Cookie")).as("an anonymous page sets no cookie (it stays cacheable)").isNull();
        assertThat(anonymous.header("Cache-Control")).contains("public");
        // her page through the gateway: with her cookies it has her comment, and is marked private
        Response hers = RestAssured.given().cookies(cookiesOf(phone)).get(articleUrl());
        assertThat(hers.statusCode()).isEqualTo(200);
        assertThat(hers.asString()).contains("id=\"comment-" + aliceComment + "\"");
        assertThat(hers.header("Cache-Control")).as("never kept for others").startsWith("private");
        Response again = RestAssured.given().get(articleUrl());
        assertThat(again.asString()).as("the gateway did not hand her page to an anonymous reader")
                .doesNotContain("id=\"comment-" + aliceComment + "\"");
    }

    @Test
    @Order(2)
    void onceAModeratorApprovesItAnAnonymousReaderSeesItWithItsFormula(Browser browser) {
        Response approved = api.json(api.as("moderator"), Map.of("action", "approve", "reason", "e2e site"))
                .post("/api/v1/comments/{id}/moderation", aliceComment);
        assertThat(approved.statusCode()).isEqualTo(200);

        Page reader = browser.open(Viewport.PHONE, Scripts.OFF);
        reader.cdp("Network.clearBrowserCookies", Map.of()); // an anonymous reader: no session cookie
        String mine = "#comment-" + aliceComment;
        var shown = Poll.until("alice's approved comment on the anonymous page", ANONYMOUS_VIEW_WITHIN,
                Duration.ofMillis(300), () -> reader.load(articleUrl()).count(mine + " .comment-body math"),
                n -> n == 1);
        System.out.printf("[e2e] approved comment on the anonymous site page after %d ms%n",
                shown.elapsed().toMillis());
        assertThat(reader.count(mine + ".pending")).isZero();
        assertThat(Keyboard.text(reader, "header .account")).isEqualTo("登录");
        assertThat(reader.widerThanScreen()).isFalse();
        reader.screenshot("site-comments-approved-anonymous-phone");
    }

    @Test
    @Order(3)
    void onADesktopWithJavascriptSheRepliesPreviewsAndIsToldWhatIsWrongWithAnEmptyComment(Browser browser) {
        if (aliceComment == 0) { // the phone scenario did not get to post: a comment of hers to reply to, by the API
            Response posted = api.json(api.as("alice"), Map.of("body", "先有一条评论 $a+b$。" + word))
                    .post("/api/v1/articles/{id}/comments", articleId);
            assertThat(posted.statusCode()).isEqualTo(201);
            aliceComment = posted.jsonPath().getLong("id");
            assertThat(api.json(api.as("moderator"), Map.of("action", "approve"))
                    .post("/api/v1/comments/{id}/moderation", aliceComment).statusCode()).isEqualTo(200);
        }
        Page desk = online(browser.open(Viewport.DESKTOP, Scripts.ON));
        desk.cdp("Network.clearBrowserCookies", Map.of());
        desk.load(articleUrl());
        desk.element("header .account a.login", SCREEN).click();
        desk.element("#username", SCREEN).sendKeys("alice");
        desk.element("#password", SCREEN).sendKeys("alice");
        desk.element("#kc-login", SCREEN).click();
        desk.await("back on the article", SCREEN, desk::url, url -> url.startsWith(articleUrl())
                && !url.contains("code="));
        desk.element("header .account .viewer", SCREEN);

        desk.element("#comment-" + aliceComment + " .reply-link a", SCREEN).click();
        WebElement heading = desk.element("#comment-form-heading", SCREEN);
        assertThat(heading.getText()).as("the form says whom she replies to").startsWith("回复 ");
        String reply = "同意，另外 $\\prod_{k=1}^m y_k$ 也是。" + word;
        desk.element("#comment-body", SCREEN).sendKeys(reply);
        desk.element("button[value=preview]", SCREEN).click();
        desk.element(".comment-preview math", SCREEN);
        assertThat(desk.element("#comment-body", SCREEN).getDomProperty("value")).as("the text is kept")
                .isEqualTo(reply);
        assertThat(desk.element("#comment-form-heading", SCREEN).getText()).startsWith("回复 ");
        desk.screenshot("site-comments-preview-desktop");

        desk.element("button[value=post]", SCREEN).click();
        String url = desk.await("at her reply", SCREEN, desk::url, u -> COMMENT_ANCHOR.matcher(u).find());
        Matcher anchor = COMMENT_ANCHOR.matcher(url);
        assertThat(anchor.find()).isTrue();
        long replyId = Long.parseLong(anchor.group(1));
        desk.element("#comment-" + aliceComment + " .replies #comment-" + replyId, SCREEN);

        // an empty comment: the service's words (in Chinese), on the page drawn again with status 422
        desk.element("button[value=post]", SCREEN).click();
        WebElement error = desk.element(".form-error", SCREEN);
        assertThat(error.getText()).contains("评论没有发表").contains("评论内容");
        assertThat(error.getText()).as("a field message a reader understands").containsPattern("[\\u4e00-\\u9fff]{2,}$");
        desk.screenshot("site-comments-422-desktop");
        Response empty = RestAssured.given().cookies(cookiesOf(desk)).header("Origin", stack.gatewayUrl())
                .formParam("body", "").formParam("action", "post").redirects().follow(false)
                .post(articleUrl() + "/comments");
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.header("Cache-Control")).contains("no-store");

        // the pages only a signed-in reader gets are valid HTML too: the article with her form and pending comment,
        // a preview, a refusal
        Map<String, String> session = cookiesOf(desk);
        Map<String, String> signedInPages = new java.util.LinkedHashMap<>();
        Response withForm = RestAssured.given().cookies(session).get(articleUrl());
        assertThat(withForm.asString()).contains("id=\"comment-body\"");
        signedInPages.put("signed-in article page with the comment form", withForm.asString());
        Response previewed = RestAssured.given().cookies(session).header("Origin", stack.gatewayUrl())
                .formParam("body", "预览 $\\frac{1}{2}$ 与 $\\frac{1}{$").formParam("action", "preview")
                .formParam("parentId", aliceComment).redirects().follow(false).post(articleUrl() + "/comments");
        assertThat(previewed.statusCode()).isEqualTo(200);
        assertThat(previewed.asString()).as("rendered by comment-service: MathML, and the broken formula marked")
                .contains("class=\"comment-preview\"").contains("<math").contains("math-error");
        signedInPages.put("comment preview", previewed.asString());
        signedInPages.put("comment refused (422)", empty.asString());
        signedInPages.forEach((name, html) -> {
            NuChecker.Result result = new NuChecker().check(html);
            assertThat(result.errors()).as("the Nu checker's errors in the %s:%n%s", name,
                    result.errors().stream().map(m -> "  " + m).collect(java.util.stream.Collectors.joining("\n"))).isEmpty();
        });

        // a forged post from another site is refused, with her session and all
        Response forged = RestAssured.given().cookies(cookiesOf(desk)).header("Origin", "http://evil.example")
                .formParam("body", "伪造的评论").formParam("action", "post").redirects().follow(false)
                .post(articleUrl() + "/comments");
        // the site's own same-origin check answers, with a page in words (not the CORS filter's empty 403)
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.contentType()).startsWith("text/html");
        assertThat(forged.asString()).contains("请求被拒绝");
        assertThat(api.as("alice").get("/api/v1/articles/{id}/comments?limit=100", articleId).asString())
                .as("nothing was stored").doesNotContain("伪造的评论");

        desk.element("header .account .logout button", SCREEN).click();
        desk.await("signed out, at the home page", SCREEN, desk::url, u -> u.equals(stack.gatewayUrl() + "/"));
        desk.element("header .account a.login", SCREEN);
        Response afterLogout = RestAssured.given().cookies(cookiesOf(desk)).get(articleUrl());
        assertThat(afterLogout.asString()).contains("登录后评论");
    }

    /**
     * Headless Chromium in a container without a network interface believes itself offline, and then fails a form
     * post (a top-level POST navigation) with ERR_INTERNET_DISCONNECTED before sending it, although loopback works
     * (GETs load): the tab is told it is online.
     */
    private static Page online(Page page) {
        page.cdp("Network.enable", Map.of());
        page.cdp("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1, "connectionType", "ethernet"));
        return page;
    }

    /** What the browser shows, and what the same post gets through the gateway and from the site directly. */
    private void diagnose(Page page) {
        String shown = Keyboard.html(page, "html");
        java.util.regex.Matcher error = Pattern.compile("ERR_[A-Z_]+").matcher(shown);
        System.out.println("[e2e] page shown: " + (error.find() ? "Chromium's error page, " + error.group()
                : shown.substring(0, Math.min(shown.length(), 2000))));
        Response threads = api.as("alice").get("/api/v1/articles/{id}/comments", articleId);
        System.out.println("[e2e] alice's view of the thread: " + threads.statusCode() + " " + threads.asString());
        for (String log : List.of("site", "gateway")) {
            try {
                List<String> lines = java.nio.file.Files.readAllLines(stack.home().resolve("logs/" + log + ".log"));
                System.out.println("[e2e] " + log + ".log tail:\n" + String.join("\n",
                        lines.subList(Math.max(0, lines.size() - 15), lines.size())));
            } catch (java.io.IOException e) {
                System.out.println("[e2e] no " + log + ".log: " + e);
            }
        }
        for (String base : List.of(stack.gatewayUrl(), stack.serviceUrl("site"))) {
            Response answer = RestAssured.given().cookies(cookiesOf(page)).header("Origin", stack.gatewayUrl())
                    .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("body", "诊断")
                    .formParam("action", "preview").redirects().follow(false)
                    .post(base + "/archives/" + articleId + "/comments");
            String text = answer.asString();
            System.out.println("[e2e] preview post to " + base + ": " + answer.statusCode() + " " + answer.headers()
                    + " " + text.substring(0, Math.min(text.length(), 3000)));
        }
    }

    /** The browser's cookies for the site (the session), for requests made beside it. */
    private Map<String, String> cookiesOf(Page page) {
        Map<String, Object> answer = page.cdp("Network.getCookies", Map.of("urls", List.of(stack.gatewayUrl() + "/")));
        Map<String, String> cookies = new HashMap<>();
        for (Object cookie : (List<?>) answer.get("cookies")) {
            Map<?, ?> c = (Map<?, ?>) cookie;
            cookies.put((String) c.get("name"), (String) c.get("value"));
        }
        return cookies;
    }
}
