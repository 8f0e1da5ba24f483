package dev.spaces.e2e;

import dev.spaces.e2e.support.Api;
import dev.spaces.e2e.support.Articles;
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
import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Studio's authoring tools (issue #20) in a real Chromium against the real stack: revisions with a word-level diff
 * and restore (refused when someone saved since), preview links that open a draft without an account until revoked,
 * and images pasted or dropped into the source. Screenshots: {@code e2e/target/screenshots/studio-authoring-*.png}.
 */
@Order(9)
@ExtendWith({StackExtension.class, BrowserExtension.class, StudioExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudioAuthoringIT {

    private static final Duration SCREEN = Duration.ofSeconds(20);
    /** Autosave waits 1.5 s for a pause in typing, then saves. */
    private static final Duration SAVE = Duration.ofSeconds(20);
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\(media:(\\d+)\\)");

    /** A PNG made in the page (canvas), as a File: what a screenshot pasted from the clipboard is. */
    private static final String PNG_FILE = """
            const png = (name, color) => new Promise((resolve) => {
              const canvas = document.createElement('canvas');
              canvas.width = 64; canvas.height = 48;
              const g = canvas.getContext('2d');
              g.fillStyle = color; g.fillRect(0, 0, 64, 48);
              canvas.toBlob((blob) => resolve(new File([blob], name, { type: 'image/png' })), 'image/png');
            });
            """;

    private final Stack stack;
    private final Api api;
    private final Browser browser;
    private final Studio studio;

    StudioAuthoringIT(Stack stack, Api api, Browser browser, Studio studio) {
        this.stack = stack;
        this.api = api;
        this.browser = browser;
        this.studio = studio;
    }

    @Test
    void theAuthorEditsTwiceSeesAnOlderRevisionsDiffWithMarksAndRestoresItAndTheApiServesTheRestoredSource() {
        String word = Articles.uniqueWord();
        String title = "修订 " + word;
        String first = "第一版：梯度下降收敛。";
        long id = Articles.draft(api, "author", title, first, List.of());

        Page page = browser.open(Viewport.DESKTOP, Scripts.ON).load(studio.url() + "#/articles/" + id);
        studio.logIn(page, "author");
        WebElement source = page.element(".source .cm-content", SCREEN);

        // two edits, each saved: a word replaced, then a sentence added
        source.click();
        source.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.BACK_SPACE, Keys.BACK_SPACE, Keys.BACK_SPACE, "发散。");
        page.await("the first edit saved", SAVE, () -> markdownOf(id), "第一版：梯度下降发散。"::equals);
        source.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "再加一句。");
        page.await("the second edit saved", SAVE, () -> markdownOf(id), "第一版：梯度下降发散。再加一句。"::equals);

        page.element("#open-revisions", SCREEN).click();
        page.element("#revisions .revision[data-number='3']", SCREEN);
        assertThat(page.texts("#revisions .revision")).as("newest first: created, then two saves").hasSize(3);
        page.element("#revisions .revision[data-number='1']", SCREEN).click();
        page.element("#revision-diff[data-number='1'] pre.diff", SCREEN);
        assertThat(String.join("", page.texts("#revision-diff del"))).as("in revision 1, not now")
                .contains("收敛").doesNotContain("发散");
        assertThat(String.join("", page.texts("#revision-diff ins"))).as("now, not in revision 1")
                .contains("发散").contains("再加一句");
        assertThat(String.join("", page.texts("#revision-diff ins"))).doesNotContain("梯度");
        page.screenshot("studio-authoring-1-diff-desktop");

        // typed and not yet saved when the restore is asked for: saved first, so it stays a revision
        source.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "还没保存的一句。");
        page.element("#restore-revision", SCREEN).click();
        page.element("#confirm-restore", SCREEN).click();
        page.element("#restore-status[data-step='done']", SAVE);

        JsonPath restored = api.as("author").get("/api/v1/articles/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(restored.getString("markdown")).as("the API serves revision 1's source").isEqualTo(first);
        assertThat(restored.getString("title")).isEqualTo(title);
        assertThat(page.element(".source .cm-content", SCREEN).getText()).as("and the editor shows it")
                .isEqualTo(first);
        JsonPath revisions = api.as("author").get("/api/v1/articles/" + id + "/revisions").then().statusCode(200)
                .extract().jsonPath();
        assertThat(revisions.getString("[0].note")).isEqualTo("restored revision 1");
        int beforeRestore = revisions.getInt("[1].number");
        assertThat(api.as("author").get("/api/v1/articles/" + id + "/revisions/" + beforeRestore).then()
                .statusCode(200).extract().jsonPath().getString("markdown"))
                .as("the text the restore replaced, unsaved edit included, is a revision of its own")
                .contains("还没保存的一句。");
        page.screenshot("studio-authoring-2-restored-desktop");
    }

    @Test
    void aRestoreAfterSomeoneElseSavedSaysSoOnATabletOpensTheConflictViewAndChangesNothing() {
        String word = Articles.uniqueWord();
        long id = Articles.draft(api, "author", "过时的恢复 " + word, "原来的文字。", List.of());
        put("author", id, "过时的恢复 " + word, "作者第二版的文字。");

        Page page = browser.open(Viewport.TABLET, Scripts.ON).load(studio.url() + "#/articles/" + id);
        studio.logIn(page, "author");
        page.element(".source .cm-content", SCREEN);

        // an editor saves while the author's tab shows version 2
        put("editor", id, "过时的恢复 " + word, "编辑刚刚保存的文字。");

        page.element("#open-revisions", SCREEN).click();
        page.element("#revisions .revision[data-number='1']", SCREEN).click();
        page.element("#revision-diff[data-number='1'] pre.diff", SCREEN);
        page.element("#restore-revision", SCREEN).click();
        page.element("#confirm-restore", SCREEN).click();
        WebElement stale = page.element("#restore-status[data-step='stale']", SAVE);
        assertThat(stale.getText()).contains("没有恢复").contains("别人");
        WebElement conflict = page.element("#conflict", SCREEN);
        assertThat(conflict.findElement(org.openqa.selenium.By.cssSelector("pre.theirs")).getText())
                .contains("编辑刚刚保存的文字。");
        assertThat(page.element(".source .cm-content", SCREEN).getText()).as("the author's text is still there")
                .isEqualTo("作者第二版的文字。");

        assertThat(markdownOf(id)).as("nothing changed on the server").isEqualTo("编辑刚刚保存的文字。");
        assertThat(api.as("author").get("/api/v1/articles/" + id + "/revisions").then().statusCode(200).extract()
                .jsonPath().getList("number")).as("no restore revision").hasSize(3);
        assertThat(page.widerThanScreen()).as("the revisions panel fits a 768 px tablet").isFalse();
        page.screenshot("studio-authoring-3-stale-restore-tablet");
    }

    @Test
    void theAuthorSharesADraftByAPreviewLinkThatOpensWithoutAnAccountUntilItIsRevoked() {
        String word = Articles.uniqueWord();
        String title = "预览 " + word;
        long id = Articles.draft(api, "author", title, "还没发布的草稿 $x^2$。", List.of());

        Page page = browser.open(Viewport.DESKTOP, Scripts.ON).load(studio.url() + "#/articles/" + id);
        studio.logIn(page, "author");
        page.element(".source .cm-content", SCREEN);
        // the Clipboard API needs the page's permission; a person's browser asks, this one is told
        page.cdp("Browser.grantPermissions", Map.of("origin", stack.gatewayUrl(),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));

        page.element("#open-preview-links", SCREEN).click();
        page.element("#preview-links p.empty", SCREEN);
        page.element("#lifetime-30", SCREEN).click();
        page.element("#create-preview-link", SCREEN).click();
        WebElement url = page.element("#preview-link-list .preview-link.fresh .link-url", SAVE);
        String link = url.getAttribute("value");
        assertThat(link).contains("/preview/");
        assertThat(page.element("#preview-link-list .preview-link.fresh .expires", SCREEN).getText()).isNotBlank();

        page.element("#preview-link-list .preview-link.fresh button.copy", SCREEN).click();
        assertThat(page.element("#preview-link-status", SCREEN).getText()).isEqualTo("链接已复制到剪贴板。");
        Object clipboard = page.scriptAsync("""
                const done = arguments[arguments.length - 1];
                navigator.clipboard.readText().then(done, (e) => done('cannot read: ' + e));""");
        assertThat(clipboard).as("the link is on the clipboard").isEqualTo(link);
        page.screenshot("studio-authoring-4-preview-link-desktop");

        JsonPath listed = api.as("author").get("/api/v1/articles/" + id + "/preview-links").then().statusCode(200)
                .extract().jsonPath();
        Instant expires = Instant.parse(listed.getString("[0].expiresAt"));
        assertThat(expires).as("30 days, as chosen").isAfter(Instant.now().plus(Duration.ofDays(29)))
                .isBefore(Instant.now().plus(Duration.ofDays(30)));

        String token = link.substring(link.lastIndexOf('/') + 1);
        Response opened = api.anonymous().get("/api/v1/preview-links/" + token);
        assertThat(opened.statusCode()).as("the link opens the draft without an account").isEqualTo(200);
        assertThat(opened.jsonPath().getString("title")).isEqualTo(title);
        assertThat(opened.jsonPath().getString("status")).isEqualToIgnoringCase("draft");
        assertThat(api.anonymous().get("/api/v1/articles/" + id).statusCode()).as("the draft itself stays private")
                .isEqualTo(404);

        page.element("#preview-link-list .preview-link.fresh button.revoke", SCREEN).click();
        page.element("#preview-links p.empty", SAVE);
        assertThat(page.element("#preview-link-status", SCREEN).getText()).contains("已撤销");
        assertThat(api.anonymous().get("/api/v1/preview-links/" + token).statusCode())
                .as("a revoked link no longer opens the draft").isIn(404, 410);
        page.screenshot("studio-authoring-5-preview-link-revoked-desktop");
    }

    @Test
    void imagesPastedAndDroppedIntoTheSourceBecomeImageMarkdownServedByMediaAndARefusedOneLeavesAMessage() {
        String word = Articles.uniqueWord();
        long id = Articles.draft(api, "author", "图片 " + word, "第一段。\n\n\n\n第二段。", List.of());
        Page page = browser.open(Viewport.DESKTOP, Scripts.ON).load(studio.url() + "#/articles/" + id);
        studio.logIn(page, "author");
        WebElement source = page.element(".source .cm-content", SCREEN);

        // pasted at the cursor (the end): a ClipboardEvent whose DataTransfer holds a PNG, as a screenshot paste
        source.click();
        source.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.ENTER, Keys.ENTER);
        Object pasteHandled = page.scriptAsync(PNG_FILE + """
                const done = arguments[arguments.length - 1];
                png('pasted.png', '#1f5fbf').then((file) => {
                  const data = new DataTransfer();
                  data.items.add(file);
                  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
                  document.querySelector('.cm-content').dispatchEvent(event);
                  done(event.defaultPrevented);
                });""");
        assertThat(pasteHandled).as("the editor took the pasted image").isEqualTo(true);
        page.element("#media-caption", SAVE).sendKeys("粘贴的图");
        page.element("#media-insert", SCREEN).click();
        page.await("the pasted image's Markdown", SAVE, () -> sourceText(page), text -> text.contains("![粘贴的图](media:"));

        // dropped on the empty third line: the image lands there, not at the cursor
        Object dropHandled = page.scriptAsync(PNG_FILE + """
                const done = arguments[arguments.length - 1];
                png('dropped.png', '#b3261e').then((file) => {
                  const data = new DataTransfer();
                  data.items.add(file);
                  const line = document.querySelectorAll('.cm-content > .cm-line')[2].getBoundingClientRect();
                  const event = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true,
                    clientX: line.left + 2, clientY: line.top + line.height / 2 });
                  document.querySelector('.cm-content').dispatchEvent(event);
                  done(event.defaultPrevented);
                });""");
        assertThat(dropHandled).as("the editor took the dropped image").isEqualTo(true);
        page.element("#media-skip", SAVE).click(); // no caption: the image stays, as ![](media:ID)
        page.await("the dropped image's Markdown", SAVE, () -> sourceText(page), text -> text.contains("![](media:"));

        // the saved source, exactly (the editor's innerText renders empty lines its own way)
        String saved = page.await("both images saved", SAVE, () -> markdownOf(id),
                markdown -> IMAGE.matcher(markdown).results().count() == 2 && !markdown.contains("上传中"));
        List<String> lines = List.of(saved.split("\n", -1));
        assertThat(lines.get(2)).as("the dropped image is where it was dropped").matches("!\\[]\\(media:\\d+\\)");
        assertThat(lines.get(lines.size() - 1)).as("the pasted one at the cursor")
                .matches("!\\[粘贴的图]\\(media:\\d+\\)");
        page.element("#preview figure img", SAVE);
        page.screenshot("studio-authoring-6-images-desktop");

        // an SVG is not accepted by the library (415): its placeholder goes, the message names the file and why
        page.scriptAsync("""
                const done = arguments[arguments.length - 1];
                const file = new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'drawing.svg',
                  { type: 'image/svg+xml' });
                const data = new DataTransfer();
                data.items.add(file);
                document.querySelector('.cm-content').dispatchEvent(
                  new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
                done(true);""");
        WebElement refused = page.element(".banner.error", SAVE);
        assertThat(refused.getText()).contains("drawing.svg").contains("不支持这种文件类型");
        page.await("the refused image's placeholder removed", SCREEN, () -> sourceText(page),
                t -> !t.contains("drawing.svg") && !t.contains("上传中"));
        page.screenshot("studio-authoring-7-image-refused-desktop");

        // each reference is a library item whose file /media serves without an account
        Matcher images = IMAGE.matcher(markdownOf(id));
        while (images.find()) {
            String mediaUrl = api.as("author").get("/api/v1/media/" + images.group(2)).then().statusCode(200)
                    .extract().jsonPath().getString("url");
            assertThat(mediaUrl).contains("/media/");
            Response file = api.anonymous().get(mediaUrl);
            assertThat(file.statusCode()).as(mediaUrl).isEqualTo(200);
            assertThat(file.contentType()).startsWith("image/png");
        }
    }

    private static String sourceText(Page page) {
        return (String) page.script("return document.querySelector('.cm-content').innerText");
    }

    private String markdownOf(long id) {
        return api.as("author").get("/api/v1/articles/" + id).then().statusCode(200).extract().jsonPath()
                .getString("markdown");
    }

    private void put(String user, long id, String title, String markdown) {
        long version = api.as(user).get("/api/v1/articles/" + id).then().statusCode(200).extract().jsonPath()
                .getLong("version");
        api.json(api.as(user).header("If-Match", "\"" + version + "\""), Map.of("title", title, "markdown", markdown))
                .put("/api/v1/articles/" + id).then().statusCode(200);
    }
}
