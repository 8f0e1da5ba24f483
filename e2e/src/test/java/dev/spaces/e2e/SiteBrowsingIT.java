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
import dev.spaces.e2e.support.browser.Viewport;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #21, the reader site's browsing pages in a real browser, through the gateway, on a desktop (1280×900) and a
 * phone (375×812), with JavaScript on and off: home → an article with display formulas (every formula laid out, a
 * long one scrolls in its box instead of widening the phone page; the contents nested), series navigation, the
 * archive → a month, a tag page, a Chinese search and a formula search (search box with {@code $…$}, and the
 * formula box) with highlights, and the citation copy button (shown and working with JavaScript, hidden without it,
 * the citation text there either way). Screenshots: {@code e2e/target/screenshots/site-*}.
 */
@Order(6)
@ExtendWith({StackExtension.class, BrowserExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteBrowsingIT {

    private static final int LONG_TERMS = 8;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Api api;
    private final String site;
    private final String word = Articles.uniqueWord();
    private final String formula = Articles.uniqueFormula();
    private long articleId;
    private String tagSlug;
    private String month;
    private String seriesSlug;
    private List<Long> seriesParts;

    SiteBrowsingIT(Api api, Stack stack) {
        this.api = api;
        this.site = stack.gatewayUrl().replaceFirst("/$", "");
    }

    @BeforeAll
    void publishAnArticleWithDisplayFormulasAndFindASeries() {
        // long, yet cheap to render: the renderer has a time limit per formula, and on a loaded machine sixty
        // sub-scripted terms can pass it; a row of digits is one text node however wide it is
        String longFormula = "S_{" + LONG_TERMS + "} = " + IntStream.rangeClosed(1, LONG_TERMS)
                .mapToObj(i -> "a_{" + i + "}").collect(Collectors.joining("+"))
                + " = \\text{" + "0123456789".repeat(12) + "}";
        String markdown = """
                %s 的正文。行内公式 $E = mc^2$。

                ## 第一节

                $$\\int_0^1 x^2\\,\\mathrm{d}x = \\frac{1}{3}$$

                ### 第一节的小节

                $$%s$$

                ## 第二节

                $$%s$$
                """.formatted(word, formula, longFormula);
        articleId = Articles.draft(api, "author", word + "：浏览页面的端到端测试", markdown, List.of(word));
        // rendering has a time limit per formula (2 s); on a loaded machine the long one can pass it, which is
        // that moment's load and not the formula: try again
        Response published = Poll.until("the article published", Duration.ofSeconds(60), Duration.ofSeconds(1),
                () -> Articles.publish(api, "author", articleId),
                r -> r.statusCode() == 200 || !r.asString().contains("took longer")).value();
        assertThat(published.statusCode()).as(published.asString()).isEqualTo(200);
        Response tags = api.anonymous().get("/api/v1/tags");
        tagSlug = tags.jsonPath().getString("find { it.name == '" + word + "' }.slug");
        assertThat(tagSlug).as("the article's tag is listed").isNotNull();
        Instant publishedAt = Instant.parse(api.anonymous().get("/api/v1/articles/{id}", articleId).jsonPath()
                .getString("publishedAt"));
        String zone = api.anonymous().get("/api/v1/site").jsonPath().getString("timeZone");
        ZonedDateTime at = publishedAt.atZone(ZoneId.of(zone == null ? "UTC" : zone));
        month = "/archive/%04d/%02d".formatted(at.getYear(), at.getMonthValue());

        Response series = api.anonymous().get("/api/v1/series");
        seriesSlug = series.jsonPath().getString("find { it.articleCount > 2 }.slug");
        assertThat(seriesSlug).as("the sample corpus has a series of several parts").isNotNull();
        seriesParts = api.anonymous().get("/api/v1/series/{slug}", seriesSlug).jsonPath().getList("parts.id", Long.class);

        // the search index follows publishing through events: wait until the new article is findable
        Poll.until("the article in the search index", Duration.ofSeconds(60), Duration.ofMillis(500),
                () -> api.anonymous().queryParam("latex", formula).get("/api/v1/search/formulas")
                        .jsonPath().getLong("total"), total -> total != null && total > 0);
    }

    @Test
    @Order(1)
    void aReaderBrowsesOnADesktopWithJavascript(Browser browser) {
        browse(browser, Viewport.DESKTOP, Scripts.ON);
    }

    @Test
    @Order(2)
    void aReaderBrowsesOnADesktopWithoutJavascript(Browser browser) {
        browse(browser, Viewport.DESKTOP, Scripts.OFF);
    }

    @Test
    @Order(3)
    void aReaderBrowsesOnAPhoneWithJavascript(Browser browser) {
        browse(browser, Viewport.PHONE, Scripts.ON);
    }

    @Test
    @Order(4)
    void aReaderBrowsesOnAPhoneWithoutJavascript(Browser browser) {
        browse(browser, Viewport.PHONE, Scripts.OFF);
    }

    private void browse(Browser browser, Viewport viewport, Scripts scripts) {
        String at = " (" + viewport + ", JavaScript " + scripts + ")";
        String shot = "site-" + viewport.name().toLowerCase() + "-js-" + scripts.name().toLowerCase() + "-";
        Page page = browser.open(viewport, scripts).load(site + "/");

        // home → the article
        assertThat(page.count("article.summary")).as("the home page lists articles" + at).isPositive();
        fits(page, viewport, "home" + at);
        page.screenshot(shot + "home");
        follow(page, "a[href=\"/archives/" + articleId + "\"]");
        assertThat(page.url()).endsWith("/archives/" + articleId);

        // formulas laid out, the long one scrolling in its own box on the phone, the contents nested
        assertThat(page.count("div.math.display > math")).as("display formulas" + at).isEqualTo(3);
        assertThat(page.boxes("math")).as("every formula has a box of non-zero size" + at).isNotEmpty()
                .noneMatch(Page.Box::isEmpty);
        fits(page, viewport, "the article with a long display formula" + at);
        if (viewport == Viewport.PHONE) {
            Page.Contents widest = page.contents("div.math.display").stream()
                    .max((a, b) -> Double.compare(a.extent().width(), b.extent().width())).orElseThrow();
            assertThat(widest.extent().width()).as("the long formula is wider than its box, which scrolls it" + at)
                    .isGreaterThan(widest.box().width());
        }
        assertThat(page.count(".toc > ol > li")).as("two sections at the top of the contents" + at).isEqualTo(2);
        assertThat(page.count(".toc > ol > li > ol > li")).as("the subsection nested in its section" + at)
                .isEqualTo(1);
        assertThat(text(page, "#cite-text")).as("the citation text" + at).contains(word);
        List<Page.Box> copyButtons = page.boxes("button.copy");
        assertThat(copyButtons).as("copy buttons for the citation and BibTeX").hasSize(2);
        if (scripts == Scripts.OFF) {
            assertThat(copyButtons).as("without JavaScript the copy buttons stay hidden").allMatch(Page.Box::isEmpty);
        } else {
            page.cdp("Browser.grantPermissions", Map.of("origin", site,
                    "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
            WebElement copy = page.element("button.copy[data-copy=cite-text]", WAIT);
            assertThat(copy.getText()).isEqualTo("复制");
            copy.click();
            page.await("the button says it copied", WAIT, copy::getText, "已复制"::equals);
            Object copied = page.scriptAsync("navigator.clipboard.readText().then(arguments[0], e => arguments[0]('' + e))");
            assertThat(copied).as("the clipboard holds the citation" + at).asString().contains(word);
        }
        page.screenshot(shot + "article");

        // series: all parts in order, and the next-part link of the first part leads to the second
        page.load(site + "/series/" + seriesSlug);
        assertThat(page.count(".series-parts > li")).as("every part of the series" + at).isEqualTo(seriesParts.size());
        fits(page, viewport, "series" + at);
        page.screenshot(shot + "series");
        follow(page, ".series-parts > li:first-child h2 a");
        assertThat(page.url()).endsWith("/archives/" + seriesParts.get(0));
        follow(page, ".series-nav a[rel=next]");
        assertThat(page.url()).as("the next part" + at).endsWith("/archives/" + seriesParts.get(1));

        // archive → the article's month
        page.load(site + "/archive");
        assertThat(page.count(".archive-year")).as("years in the archive" + at).isPositive();
        assertThat(page.count(".terms.cloud a[rel=tag]")).as("the tag list on the archive page" + at).isPositive();
        fits(page, viewport, "archive" + at);
        page.screenshot(shot + "archive");
        follow(page, ".months a[href=\"" + month + "\"]");
        assertThat(page.url()).endsWith(month);
        assertThat(page.count("a[href=\"/archives/" + articleId + "\"]")).as("the article in its month" + at)
                .isPositive();

        // the article's tag page, with its feed linked
        page.load(site + "/tag/" + tagSlug);
        assertThat(text(page, "h1")).isEqualTo(word);
        assertThat(page.count("article.summary")).as("the tag's one article" + at).isEqualTo(1);
        assertThat(page.count("link[rel=alternate][href=\"/feed/tag/"
                + URLEncoder.encode(tagSlug, StandardCharsets.UTF_8).replace("+", "%20") + "\"]"))
                .as("the tag's feed linked" + at).isEqualTo(1);
        fits(page, viewport, "tag" + at);
        page.screenshot(shot + "tag");

        // Chinese search, typed in the masthead's box when there is script to type with
        search(page, scripts, "梯度下降");
        assertThat(page.count("meta[name=robots][content*=noindex]")).as("search pages are not indexed").isEqualTo(1);
        assertThat(page.count(".text-results .hit")).as("hits for 梯度下降" + at).isPositive();
        assertThat(page.count(".text-results .hit mark")).as("highlighted terms" + at).isPositive();
        String marked = text(page, ".text-results .hit mark");
        assertThat(marked).as("a highlight is part of the query" + at).isNotEmpty();
        assertThat("梯度下降").contains(marked);
        assertThat(page.count(".facets a")).as("facets that narrow the search" + at).isPositive();
        fits(page, viewport, "Chinese search" + at);
        page.screenshot(shot + "search-chinese");

        // a formula in $…$ in the search box: the articles holding it, the matched formula highlighted
        search(page, scripts, "$" + formula + "$");
        String mine = ":has(h3 a[href=\"/archives/" + articleId + "\"])";
        assertThat(page.count(".text-results .hit" + mine)).as("the formula's article" + at).isEqualTo(1);
        assertThat(text(page, ".text-results .hit" + mine + " .formula-match mark")).as("its formula, marked")
                .contains("\\mathcal{Z}");
        page.screenshot(shot + "search-dollar-formula");

        // the formula box
        page.load(site + "/search?latex=" + URLEncoder.encode(formula, StandardCharsets.UTF_8));
        assertThat(page.count(".formula-results .hit" + mine)).as("the formula box finds the article" + at)
                .isEqualTo(1);
        assertThat(text(page, ".formula-results .hit" + mine + " .match")).isEqualTo("完全一致");
        assertThat(text(page, ".formula-results .hit" + mine + " mark")).contains("\\mathcal{Z}");
        page.load(site + "/search?latex=x%5E2");
        assertThat(page.count(".formula-results .hit")).as("x^2 is in many articles" + at).isPositive();
        fits(page, viewport, "formula search" + at);
        page.screenshot(shot + "search-formula-box");
        page.close();
    }

    /** Types the query into the masthead's search box and submits (script on), or loads the form's GET address. */
    private void search(Page page, Scripts scripts, String query) {
        if (scripts == Scripts.ON) {
            page.load(site + "/");
            WebElement box = page.element("#site-q", WAIT);
            box.clear();
            box.sendKeys(query);
            box.submit();
            page.await("the search page", WAIT, page::url, u -> u.contains("/search?"));
            page.await("the results", WAIT, () -> page.script("return document.readyState"), "complete"::equals);
        } else {
            page.load(site + "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        }
    }

    /** Follows the first link matching a selector: a click with script, its address loaded without. */
    private void follow(Page page, String selector) {
        if (page.scripts() == Scripts.ON) {
            String before = page.url();
            page.element(selector, WAIT).click();
            page.await("navigation from " + before, WAIT, page::url, u -> !u.equals(before));
            page.await("the page loaded", WAIT, () -> page.script("return document.readyState"), "complete"::equals);
        } else {
            String href = attribute(page, selector, "href");
            assertThat(href).as("a link " + selector).isNotNull();
            page.load(href.startsWith("http") ? href : site + href);
        }
    }

    private static void fits(Page page, Viewport viewport, String what) {
        if (viewport == Viewport.PHONE) {
            assertThat(page.widerThanScreen()).as("nothing widens the phone page: " + what
                    + " (content " + page.layout().contentWidth() + " px)").isFalse();
        }
    }

    // read with CDP's DOM domain, which works whether the page runs JavaScript or not

    private static long node(Page page, String selector) {
        Map<String, Object> document = page.cdp("DOM.getDocument", Map.of("depth", 0));
        long root = ((Number) ((Map<?, ?>) document.get("root")).get("nodeId")).longValue();
        Map<String, Object> found = page.cdp("DOM.querySelector", Map.of("nodeId", root, "selector", selector));
        return ((Number) found.get("nodeId")).longValue();
    }

    private static String attribute(Page page, String selector, String name) {
        long id = node(page, selector);
        if (id == 0) {
            return null;
        }
        List<?> attributes = (List<?>) page.cdp("DOM.getAttributes", Map.of("nodeId", id)).get("attributes");
        for (int i = 0; i + 1 < attributes.size(); i += 2) {
            if (name.equals(attributes.get(i))) {
                return (String) attributes.get(i + 1);
            }
        }
        return null;
    }

    /** The text of the first element matching (its outer HTML without tags, entities decoded). */
    private static String text(Page page, String selector) {
        long id = node(page, selector);
        assertThat(id).as("an element " + selector).isNotZero();
        String html = (String) page.cdp("DOM.getOuterHTML", Map.of("nodeId", id)).get("outerHTML");
        return html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&").strip();
    }
}
