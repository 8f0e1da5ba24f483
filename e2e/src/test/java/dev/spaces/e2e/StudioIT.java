package dev.spaces.e2e;

import dev.spaces.e2e.support.Api;
import dev.spaces.e2e.support.Articles;
import dev.spaces.e2e.support.Poll;
import dev.spaces.e2e.support.Stack;
import dev.spaces.e2e.support.StackExtension;
import dev.spaces.e2e.support.browser.Browser;
import dev.spaces.e2e.support.browser.BrowserExtension;
import dev.spaces.e2e.support.browser.Page;
import dev.spaces.e2e.support.browser.Scripts;
import dev.spaces.e2e.support.browser.Studio;
import dev.spaces.e2e.support.browser.StudioExtension;
import dev.spaces.e2e.support.browser.Viewport;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Studio (issue #20) in a real Chromium against the real stack: people log in on Keycloak's own page (code flow
 * with PKCE, client spaces-web) and write through the public API, as the issue's acceptance scenarios say.
 * Screenshots of each step: {@code e2e/target/screenshots/studio-*.png}.
 */
@Order(6)
@ExtendWith({StackExtension.class, BrowserExtension.class, StudioExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudioIT {

    private static final Duration SCREEN = Duration.ofSeconds(20);
    /** Autosave waits 1.5 s for a pause, then saves; the preview waits 0.4 s, then the server renders. */
    private static final Duration SAVE = Duration.ofSeconds(20);

    private final Stack stack;
    private final Api api;
    private final Browser browser;
    private final Studio studio;

    StudioIT(Stack stack, Api api, Browser browser, Studio studio) {
        this.stack = stack;
        this.api = api;
        this.browser = browser;
        this.studio = studio;
    }


    @Test
    void anAuthorLogsInWritesFormulasSeesTheServersPreviewAndItsDiagnosticFixesItAddsAnImageAndPublishes()
            throws IOException {
        String word = Articles.uniqueWord();
        Page page = browser.open(Viewport.DESKTOP, Scripts.ON).load(studio.url());
        studio.logIn(page, "author");
        page.element("table.articles, p.empty", SCREEN);
        assertThat(page.texts("header.top nav a")).as("an author sees the writing screens").hasSize(2);
        page.screenshot("studio-1-articles-desktop");

        // the first screen with a session: Navigation Timing from the request to the app's first render
        page.load(studio.url());
        page.element("table.articles, p.empty", SCREEN);
        double interactive = firstScreenInteractiveMillis(page);
        System.out.printf("[e2e] studio first screen interactive: %.0f ms (navigation start → first render)%n",
                interactive);
        // issue #20's budget is 1 s; measured 47-110 ms on a quiet machine (README, Studio). CI machines are shared,
        // so the test only catches a first screen that waits for something it should not (5 s), and prints the time
        assertThat(interactive).as("first screen interactive on the local stack").isLessThan(5000);

        page.element("header.top nav a[href='#/new']", SCREEN).click();
        WebElement title = page.element("#f-title", SCREEN);
        title.sendKeys("Studio 的公式 " + word);
        WebElement source = page.element(".source .cm-content", SCREEN);
        source.click();
        // line 5 ends in a formula that does not parse: \frac{1}{ is missing its last argument
        source.sendKeys(word + " 设 $f(x)=x^2$，则 $f'(x)=2x$。" + Keys.ENTER + Keys.ENTER
                + "$$\\int_0^1 x^2\\,dx=\\frac{1}{3}$$" + Keys.ENTER + Keys.ENTER + "坏公式 $\\frac{1}{$");

        page.await("the server's diagnostic for line 5", SAVE, () -> page.texts(".diagnostics .diagnostic"),
                texts -> texts.size() == 1);
        WebElement diagnostic = page.element(".diagnostics .diagnostic", SCREEN);
        assertThat(diagnostic.getAttribute("data-line")).isEqualTo("5");
        assertThat(diagnostic.getAttribute("data-column")).isEqualTo("15");
        Object markedLine = page.script("""
                const mark = document.querySelector('.cm-content .cm-lintRange-error');
                if (!mark) return null;
                const line = mark.closest('.cm-line');
                return [...document.querySelectorAll('.cm-content > .cm-line')].indexOf(line) + 1;""");
        assertThat(markedLine).as("the lint marker is in the source at the diagnostic's line").isEqualTo(5L);
        assertThat(page.count("#preview math")).as("the server's MathML: 2 inline, 1 display, the bad one")
                .isGreaterThanOrEqualTo(3);
        assertThat(page.count("#preview math[display=block]")).isEqualTo(1);
        page.screenshot("studio-2-diagnostic-desktop");

        // the fix: before the closing $, the missing argument
        source.sendKeys(Keys.END, Keys.ARROW_LEFT, "2}");
        page.element(".diagnostics .ok", SAVE);
        assertThat(page.script("return document.querySelectorAll('.cm-lintRange-error').length")).isEqualTo(0L);

        // an image through the file input, inserted at the cursor as a paragraph of its own
        source.sendKeys(Keys.END, Keys.ENTER, Keys.ENTER);
        // people click its label ("insert image"); the input itself is visually hidden, and WebDriver types a file
        // path only into an input it can see
        page.script("document.getElementById('image-file').classList.remove('visually-hidden')");
        page.element("#image-file", SCREEN).sendKeys(pngFile().toString());
        page.element("#media-caption", SAVE).sendKeys("单位圆");
        page.element("#media-alt", SCREEN).sendKeys("一个蓝色的圆");
        page.element("#media-insert", SCREEN).click();
        page.element("#preview figure img", SAVE);
        // the bare reference is in the source from the upload on; the caption follows the click on insert
        page.await("the caption in the image's Markdown", SAVE,
                () -> (String) page.script("return document.querySelector('.cm-content').innerText"),
                markdown -> Pattern.compile("!\\[单位圆]\\(media:\\d+\\)").matcher(markdown).find());
        page.await("autosaved", SAVE, () -> page.texts("#save-status[data-state=saved]"), texts -> !texts.isEmpty());
        page.screenshot("studio-3-image-desktop");

        page.element("#publish", SCREEN).click();
        page.element("#article-status[data-status=published]", SAVE);
        String hash = page.url().replaceFirst(".*#", "#");
        assertThat(hash).matches("#/articles/\\d+");
        long id = Long.parseLong(hash.substring("#/articles/".length()));
        page.screenshot("studio-4-published-desktop");

        assertThat(page.element("#f-slug", SCREEN).getAttribute("value")).as("the slug the server derived is shown")
                .isNotBlank();
        // nothing left to save means no more saves: autosave must not go on writing new versions by itself (a
        // negative check, so it waits: twice the autosave delay)
        long version = api.as("author").get("/api/v1/articles/" + id).then().extract().jsonPath().getLong("version");
        sleep(Duration.ofSeconds(3));
        assertThat(api.as("author").get("/api/v1/articles/" + id).then().extract().jsonPath().getLong("version"))
                .as("no save without an edit").isEqualTo(version);

        JsonPath article = api.anonymous().get("/api/v1/articles/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(article.getString("status")).isEqualToIgnoringCase("published");
        assertThat(article.getString("title")).contains(word);
        String html = article.getString("html");
        assertThat(html).contains("<figure").contains("<figcaption").contains("单位圆").contains("/media/");
        assertThat(html).contains("<math").doesNotContain("math-error");
        assertThat(article.getList("diagnostics")).isNullOrEmpty();
        Poll.until("the article is found by search", Duration.ofSeconds(60), Duration.ofMillis(500),
                () -> api.anonymous().queryParam("q", word).get("/api/v1/search").then().statusCode(200).extract()
                        .jsonPath().<Number>getList("hits.id"),
                ids -> ids.stream().anyMatch(hit -> hit.longValue() == id));

        // the same article on a tablet: the panes stack and nothing is wider than the screen
        Page tablet = browser.open(Viewport.TABLET, Scripts.ON).load(studio.url() + "#/articles/" + id);
        tablet.element("#login", SCREEN).click(); // a new tab has no tokens; Keycloak's session logs it in at once
        tablet.element(".source .cm-content", SCREEN);
        tablet.element("#preview figure img", SAVE);
        assertThat(tablet.widerThanScreen()).as("the editor fits a 768 px tablet").isFalse();
        tablet.screenshot("studio-5-published-tablet");
    }

    @Test
    void twoTabsEditTheSameDraftAndTheSecondSaveOpensTheConflictViewWithItsTextStillThere() {
        String word = Articles.uniqueWord();
        long id = api.json(api.as("author"), Map.of("title", "冲突 " + word, "markdown", "第一版。"))
                .post("/api/v1/articles").then().statusCode(201).extract().jsonPath().getLong("id");

        Page first = browser.open(Viewport.DESKTOP, Scripts.ON).load(studio.url() + "#/articles/" + id);
        studio.logIn(first, "author");
        WebElement firstSource = first.element(".source .cm-content", SCREEN);
        Page second = browser.open(Viewport.TABLET, Scripts.ON).load(studio.url() + "#/articles/" + id);
        second.element("#login", SCREEN).click();
        WebElement secondSource = second.element(".source .cm-content", SCREEN);

        first.activate();
        firstSource.click();
        firstSource.sendKeys(Keys.END, " 第一个标签页写的。");
        first.await("the first tab saved", SAVE, () -> first.texts("#save-status[data-state=saved]"),
                texts -> !texts.isEmpty());

        second.activate();
        secondSource.click();
        secondSource.sendKeys(Keys.END, " 第二个标签页写的，不能丢。");
        WebElement conflict = second.element("#conflict", SAVE);
        assertThat(conflict.findElement(org.openqa.selenium.By.cssSelector("pre.mine")).getText())
                .contains("第二个标签页写的，不能丢。");
        assertThat(conflict.findElement(org.openqa.selenium.By.cssSelector("pre.theirs")).getText())
                .contains("第一个标签页写的。").doesNotContain("第二个标签页");
        assertThat(second.activate().element(".source .cm-content", SCREEN).getText()).as("the text typed in the second tab is still in its editor")
                .contains("第二个标签页写的，不能丢。");
        assertThat(api.as("author").get("/api/v1/articles/" + id).then().extract().jsonPath().getString("markdown"))
                .as("nothing was overwritten behind the author's back").doesNotContain("第二个标签页");
        second.screenshot("studio-6-conflict-tablet");

        second.element("#keep-mine", SCREEN).click();
        second.await("the second tab's text saved over the new version", SAVE,
                () -> second.texts("#save-status[data-state=saved]"), texts -> !texts.isEmpty());
        assertThat(api.as("author").get("/api/v1/articles/" + id).then().extract().jsonPath().getString("markdown"))
                .contains("第二个标签页写的，不能丢。");
        assertThat(second.count("#conflict")).isZero();
        second.screenshot("studio-7-conflict-resolved-tablet");
    }

    @Test
    void anExpiredTokenIsRenewedSilentlyAndALostSessionAsksForALoginThatKeepsTheDraft() {
        String word = Articles.uniqueWord();
        long id = api.json(api.as("author"), Map.of("title", "会话 " + word, "markdown", "开头。"))
                .post("/api/v1/articles").then().statusCode(201).extract().jsonPath().getLong("id");
        Page page = browser.open(Viewport.DESKTOP, Scripts.ON).load(studio.url() + "#/articles/" + id);
        studio.logIn(page, "author");
        WebElement source = page.element(".source .cm-content", SCREEN);

        // an access token the API refuses (as an expired one): the client renews it with the refresh token and
        // repeats the save; the author notices nothing
        page.script("""
                const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'));
                const user = JSON.parse(sessionStorage.getItem(key));
                user.access_token = 'not.a.token';
                sessionStorage.setItem(key, JSON.stringify(user));""");
        source.click();
        source.sendKeys(Keys.END, " 令牌换过了。");
        page.await("saved after a silent renewal", SAVE, () -> page.texts("#save-status[data-state=saved]"),
                texts -> !texts.isEmpty());
        assertThat(page.count(".banner.error")).isZero();
        assertThat(markdownOf(id)).contains("令牌换过了。");

        // the session gone (no tokens at all): the save fails with a 401 in words, the text stays on the device,
        // and logging in again (Keycloak's session: no password) brings the editor back with the text, which saves
        page.script("Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:'))"
                + ".forEach((k) => sessionStorage.removeItem(k))");
        source.sendKeys(Keys.END, " 会话丢了也不丢字。");
        page.element(".banner.error.kind-unauthorized", SAVE);
        page.element("#relogin", SCREEN);
        assertThat(markdownOf(id)).doesNotContain("会话丢了");
        page.screenshot("studio-10-session-expired-desktop");
        page.element("#relogin", SCREEN).click();
        page.await("back in the editor", SCREEN, page::url, url -> url.endsWith("#/articles/" + id));
        assertThat(page.element(".source .cm-content", SCREEN).getText()).contains("会话丢了也不丢字。");
        page.await("the kept draft saved", SAVE, () -> markdownOf(id), markdown -> markdown.contains("会话丢了也不丢字。"));
    }

    private String markdownOf(long id) {
        return api.as("author").get("/api/v1/articles/" + id).then().statusCode(200).extract().jsonPath()
                .getString("markdown");
    }

    @Test
    void aMemberLogsInAndSeesNoEditingScreensAndTheApiAnswers403ToHerWrite() {
        Page page = browser.open(Viewport.DESKTOP, Scripts.ON).load(studio.url() + "#/new");
        studio.logIn(page, "alice");
        page.element("#no-rights", SCREEN);
        assertThat(page.count("header.top nav")).as("no writing screens in the navigation").isZero();
        assertThat(page.count(".source, #f-title")).as("#/new shows no editor").isZero();
        page.screenshot("studio-8-member-no-rights-desktop");

        // the language switch: English, remembered across a reload
        page.script("""
                const select = document.querySelector('header.top select');
                select.value = 'en';
                select.dispatchEvent(new Event('change', { bubbles: true }));""");
        page.element("#no-rights", SCREEN);
        assertThat(page.element("#no-rights h1", SCREEN).getText()).isEqualTo("No editing rights");
        page.load(studio.url());
        assertThat(page.element("#no-rights h1", SCREEN).getText()).isEqualTo("No editing rights");
        assertThat(page.script("return document.documentElement.lang")).isEqualTo("en");
        page.screenshot("studio-9-member-no-rights-english-desktop");

        api.json(api.as("alice"), Map.of("title", "alice 的文章", "markdown", "x"))
                .post("/api/v1/articles").then().statusCode(403).contentType("application/problem+json");

        // logout ends the Keycloak session too: back in Studio, logging in asks for the password again
        page.element("#logout", SCREEN).click();
        page.element("#login", SCREEN).click();
        page.element("#username", SCREEN);
        assertThat(page.url()).startsWith(stack.keycloakUrl() + "/realms/spaces/");
    }

    /** From the navigation's start to the mark main.tsx sets once the first screen rendered with its handlers. */
    private static double firstScreenInteractiveMillis(Page page) {
        Object mark = page.script("""
                const mark = performance.getEntriesByName('studio-interactive')[0];
                return mark ? mark.startTime : null;""");
        assertThat(mark).as("the app marked its first render").isNotNull();
        return ((Number) mark).doubleValue();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path pngFile() throws IOException {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 320, 200);
        g.setColor(new Color(0x1f5fbf));
        g.fillOval(110, 50, 100, 100);
        g.dispose();
        Path file = Files.createTempFile("studio-circle", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file.toAbsolutePath();
    }
}
