package dev.spaces.e2e;

import dev.spaces.e2e.support.Api;
import dev.spaces.e2e.support.Articles;
import dev.spaces.e2e.support.StackExtension;
import dev.spaces.e2e.support.browser.Browser;
import dev.spaces.e2e.support.browser.BrowserExtension;
import dev.spaces.e2e.support.browser.Page;
import dev.spaces.e2e.support.browser.Scripts;
import dev.spaces.e2e.support.browser.Studio;
import dev.spaces.e2e.support.browser.StudioExtension;
import dev.spaces.e2e.support.browser.Viewport;
import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Studio's editor screens (issue #20) in a real Chromium against the real stack: categories and tags, a series'
 * parts reordered by drag and drop and by keyboard, standalone pages; authors see none of it and the API refuses
 * them. Screenshots: {@code e2e/target/screenshots/studio-taxonomy-*.png}.
 */
@Order(9)
@ExtendWith({StackExtension.class, BrowserExtension.class, StudioExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudioTaxonomyIT {

    private static final Duration SCREEN = Duration.ofSeconds(20);

    private final Api api;
    private final Browser browser;
    private final Studio studio;

    StudioTaxonomyIT(Api api, Browser browser, Studio studio) {
        this.api = api;
        this.browser = browser;
        this.studio = studio;
    }

    /** A slug no other run uses (lower-case letters, digits, single hyphens). */
    private static String slug(String prefix) {
        return prefix + "-" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    }

    @Test
    void anEditorCreatesACategoryAndATagAndADuplicateSlugShowsThe409InWords() {
        String word = Articles.uniqueWord();
        String category = slug("e2e-category");
        String tag = slug("e2e-tag");
        Page page = browser.open(Viewport.DESKTOP, Scripts.ON).load(studio.url() + "#/taxonomy");
        studio.logIn(page, "editor");
        assertThat(page.texts("header.top nav a")).as("an editor sees the taxonomy and pages")
                .contains("分类与系列", "独立页面");

        create(page, "category", "分类" + word, category);
        page.await("the new category listed", SCREEN, () -> page.texts("#category-list .term-slug"),
                slugs -> slugs.contains(category));
        assertThat(api.anonymous().get("/api/v1/categories").jsonPath().getList("slug")).contains(category);

        create(page, "tag", "标签" + word, tag);
        page.await("the new tag listed", SCREEN, () -> page.texts("#tag-list .term-slug"), slugs -> slugs.contains(tag));
        assertThat(api.anonymous().get("/api/v1/tags").jsonPath().getList("slug")).contains(tag);

        // the same slug again: the 409 is said at the slug input, and nothing is created
        create(page, "category", "另一个分类" + word, category);
        WebElement error = page.element("#category-new-slug-error", SCREEN);
        assertThat(error.getText()).isEqualTo("链接名「" + category + "」已被占用，请换一个。");
        assertThat(page.element("#category-new-slug", SCREEN).getAttribute("aria-invalid")).isEqualTo("true");
        page.screenshot("studio-taxonomy-1-duplicate-slug-desktop");
        assertThat(api.anonymous().get("/api/v1/categories").jsonPath().getList("name"))
                .doesNotContain("另一个分类" + word);
    }

    @Test
    void anEditorReordersASeriesByDragAndDropAndByKeyboardOnATabletAndThePublicSeriesShowsTheNewOrder() {
        String word = Articles.uniqueWord();
        String series = slug("e2e-series");
        api.json(api.as("editor"), Map.of("title", "系列" + word, "slug", series)).post("/api/v1/series").then()
                .statusCode(201);
        long first = part(series, "第一篇" + word, 1);
        long second = part(series, "第二篇" + word, 2);
        long third = part(series, "第三篇" + word, 3);

        Page page = browser.open(Viewport.TABLET, Scripts.ON).load(studio.url() + "#/taxonomy");
        studio.logIn(page, "editor");
        page.element("#series-" + series + "-order", SCREEN).click();
        page.await("the parts listed", SCREEN, () -> ids(page), ids -> ids.equals(List.of(first, second, third)));

        // drag the third part onto the upper half of the first: Chromium's own drag events (dragenter, dragover,
        // drop) with the dragged part's id, as a drag from its row carries it
        dropOn(page, "#part-" + first, 0.25, third);
        page.await("the third part first", SCREEN, () -> ids(page), ids -> ids.equals(List.of(third, first, second)));
        assertThat(page.element("#order-live", SCREEN).getText()).isEqualTo("「第三篇" + word + "」现在是第 1 篇，共 3 篇。");

        // the keyboard: Tab to the first part's ↓ and press Enter; the button keeps the focus for the next move
        WebElement down = page.element("#part-" + first + "-down", SCREEN);
        down.sendKeys(Keys.ENTER);
        page.await("the first part last", SCREEN, () -> ids(page), ids -> ids.equals(List.of(third, second, first)));
        assertThat(page.element("#order-live", SCREEN).getText()).isEqualTo("「第一篇" + word + "」现在是第 3 篇，共 3 篇。");
        assertThat(page.script("return document.activeElement.id")).as("focus stays with the moved part")
                .isEqualTo("part-" + first + "-up");
        assertThat(page.widerThanScreen()).as("the order fits a 768 px tablet").isFalse();
        page.screenshot("studio-taxonomy-2-reordered-tablet");

        page.element("#order-save", SCREEN).click();
        page.await("saved", SCREEN, () -> page.element("#order-live", SCREEN).getText(), "顺序已保存。"::equals);
        assertThat(api.anonymous().get("/api/v1/series/" + series).then().statusCode(200).extract().jsonPath()
                .getList("parts.id", Long.class)).containsExactly(third, second, first);
    }

    @Test
    void anEditorCreatesAndEditsAStandalonePageAndThePublicApiShowsIt() {
        String word = Articles.uniqueWord();
        String slug = slug("e2e-page");
        Page page = browser.open(Viewport.DESKTOP, Scripts.ON).load(studio.url() + "#/pages");
        studio.logIn(page, "editor");
        page.element("#page-new", SCREEN).click();
        type(page.element("#page-title", SCREEN), "关于" + word);
        type(page.element("#page-slug", SCREEN), slug);
        page.element("#page-status option[value='published']", SCREEN).click();
        WebElement source = page.element(".source .cm-content", SCREEN);
        source.click();
        source.sendKeys("本站讨论 $e^{i\\pi}+1=0$ 这样的公式。");
        page.await("the server's preview", SCREEN, () -> page.element("#preview", SCREEN).getAttribute("innerHTML"),
                html -> html.contains("<math"));
        page.element("#page-save", SCREEN).click();
        page.await("created", SCREEN, () -> page.element("#page-notice", SCREEN).getText(), t -> t.startsWith("已保存"));
        assertThat(page.url()).endsWith("#/pages/" + slug);
        page.screenshot("studio-taxonomy-3-page-desktop");
        assertThat(api.anonymous().get("/api/v1/pages/" + slug).then().statusCode(200).extract().jsonPath()
                .getString("html")).contains("<math");

        String firstSave = page.element("#page-notice", SCREEN).getText();
        type(page.element("#page-title", SCREEN), "关于本站" + word);
        page.element("#page-save", SCREEN).click();
        page.await("saved again (a newer version)", SCREEN, () -> page.element("#page-notice", SCREEN).getText(),
                t -> t.startsWith("已保存") && !t.equals(firstSave));
        // readers get it once the page.updated event has purged the gateway's cached copy (asynchronous)
        page.await("the public API shows the new title", SCREEN,
                () -> api.anonymous().get("/api/v1/pages/" + slug).then().statusCode(200).extract().path("title"),
                ("关于本站" + word)::equals);

        // deleting asks first; the page is then gone for readers
        page.element("#page-delete", SCREEN).click();
        page.element("#page-delete-confirm", SCREEN).click();
        page.element("#page-deleted", SCREEN);
        page.await("the page gone for readers", SCREEN,
                () -> api.anonymous().get("/api/v1/pages/" + slug).statusCode(), status -> status == 404);
    }

    @Test
    void anAuthorSeesNoTaxonomyOrPagesLinksAndTheApiAnswers403() {
        Page page = browser.open(Viewport.DESKTOP, Scripts.ON).load(studio.url() + "#/taxonomy");
        studio.logIn(page, "author");
        page.element("table.articles, p.empty", SCREEN);
        assertThat(page.texts("header.top nav a")).as("an author's screens").containsExactly("文章", "写文章");
        assertThat(page.count("#nav-taxonomy, #nav-pages, .taxonomy, .series-order")).isZero();

        String series = slug("e2e-series");
        api.json(api.as("editor"), Map.of("title", "作者不可见" + series, "slug", series)).post("/api/v1/series")
                .then().statusCode(201);
        api.json(api.as("author"), Map.of("name", "作者的分类" + series)).post("/api/v1/categories").then()
                .statusCode(403);
        api.as("author").get("/api/v1/series/" + series + "/parts").then().statusCode(403);
        api.json(api.as("author"), Map.of("articleIds", List.of())).header("If-Match", "\"0\"")
                .put("/api/v1/series/" + series + "/parts").then().statusCode(403);
        api.json(api.as("author"), Map.of("title", "作者的页面", "markdown", "x")).post("/api/v1/pages").then()
                .statusCode(403);
    }

    /** Opens the new-term form of a section, fills it in and submits it. */
    private static void create(Page page, String kind, String name, String slug) {
        if (!Boolean.TRUE.equals(page.script("return document.querySelector(arguments[0]).open",
                "#section-" + kind + " details.term-new"))) {
            page.element("#section-" + kind + " details.term-new summary", SCREEN).click();
        }
        type(page.element("#" + kind + "-new-name", SCREEN), name);
        type(page.element("#" + kind + "-new-slug", SCREEN), slug);
        page.element("#" + kind + "-new-save", SCREEN).click();
    }

    private long part(String series, String title, int position) {
        Response created = api.json(api.as("author"), Map.of("title", title, "markdown", "第 " + position + " 部分",
                "series", series, "seriesPosition", position)).post("/api/v1/articles");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        long id = created.jsonPath().getLong("id");
        assertThat(Articles.publish(api, "author", id).statusCode()).isEqualTo(200);
        return id;
    }

    private static List<Long> ids(Page page) {
        @SuppressWarnings("unchecked")
        List<Object> ids = (List<Object>) page.script(
                "return Array.from(document.querySelectorAll('#parts li')).map(li => Number(li.dataset.id))");
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** A drop of the part with {@code id} on an element, at {@code fraction} of its height, by Chromium's input. */
    private static void dropOn(Page page, String selector, double fraction, long id) {
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) page.script("const e = document.querySelector(arguments[0]);"
                + "e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                + "return [r.left + r.width / 2, r.top + r.height * arguments[1]];", selector, fraction);
        Map<String, Object> data = Map.of("items", List.of(Map.of("mimeType", "text/plain", "data", String.valueOf(id))),
                "dragOperationsMask", 16);
        for (String type : List.of("dragEnter", "dragOver", "drop")) {
            page.cdp("Input.dispatchDragEvent", Map.of("type", type, "x", point.get(0).doubleValue(),
                    "y", point.get(1).doubleValue(), "data", data));
        }
    }

    /** Replaces the field's text as a person would: select all, type (the app sees input events). */
    private static void type(WebElement field, String text) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }
}
