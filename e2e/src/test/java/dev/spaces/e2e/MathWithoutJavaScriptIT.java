package dev.spaces.e2e;

import dev.spaces.e2e.support.Api;
import dev.spaces.e2e.support.Articles;
import dev.spaces.e2e.support.StackExtension;
import dev.spaces.e2e.support.browser.Browser;
import dev.spaces.e2e.support.browser.BrowserExtension;
import dev.spaces.e2e.support.browser.Page;
import dev.spaces.e2e.support.browser.ReaderPage;
import dev.spaces.e2e.support.browser.Scripts;
import dev.spaces.e2e.support.browser.Viewport;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #18, "Math without JavaScript", in a real browser: formulas come from the API as MathML that Chromium lays
 * out with the page's JavaScript off, on a desktop and on a phone (where a long formula scrolls inside its own box
 * instead of widening the page); what members and authors write in TeX, and MathML/SVG mutation-XSS payloads from
 * DOMPurify's fixtures, stay inert in a page that does run JavaScript. Screenshots: {@code e2e/target/screenshots/}.
 */
@Order(5)
@ExtendWith({StackExtension.class, BrowserExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MathWithoutJavaScriptIT {

    /** Inline formulas in the article's Markdown (resource math-without-javascript.md). */
    private static final int INLINE_FORMULAS = 3;
    /** Display formulas: the integral, align with \tag, cases, pmatrix and the long one. */
    private static final int DISPLAY_FORMULAS = 5;
    private static final int LONG_TERMS = 60;

    private final Api api;
    private final String word = Articles.uniqueWord();
    private long articleId;

    MathWithoutJavaScriptIT(Api api) {
        this.api = api;
    }

    @BeforeAll
    void publishAnArticleFullOfFormulas() {
        String longFormula = "S_{" + LONG_TERMS + "} = " + IntStream.rangeClosed(1, LONG_TERMS)
                .mapToObj(i -> "a_{" + i + "}").collect(Collectors.joining("+"));
        String markdown = resource("browser/math-without-javascript.md") + "\n$$" + longFormula + "$$\n\n" + word + "\n";
        articleId = Articles.publishNew(api, "author", word + ":没有 JavaScript 的数学", markdown, List.of("端到端测试"));
    }

    @Test
    @Order(1)
    void formulasAreLaidOutWithJavascriptOffOnDesktopAndPhone(Browser browser) {
        Response article = api.anonymous().get("/api/v1/articles/{id}", articleId);
        assertThat(article.statusCode()).isEqualTo(200);
        String html = article.jsonPath().getString("html");
        int formulas = article.jsonPath().getList("formulas").size();
        assertThat(formulas).as("formulas[] lists every formula of the Markdown")
                .isEqualTo(INLINE_FORMULAS + DISPLAY_FORMULAS);
        assertThat(html).as("every formula parsed").doesNotContain("math-error");

        var page = Browser.writePage("math-without-js", ReaderPage.html(word, "",
                "<article><h1>" + ReaderPage.escape(article.jsonPath().getString("title")) + "</h1>\n" + html
                        + "\n</article>"));
        for (Viewport viewport : Viewport.values()) {
            Page reader = browser.open(viewport, Scripts.OFF).load(page);
            String at = " at " + viewport;
            assertThat(reader.count("math")).as("one <math> per formula of formulas[]" + at).isEqualTo(formulas);
            assertThat(reader.count(".math.inline > math")).as("inline formulas" + at).isEqualTo(INLINE_FORMULAS);
            assertThat(reader.count("div.math.display > math[display=block]")).as("display formulas" + at)
                    .isEqualTo(DISPLAY_FORMULAS);
            List<Page.Box> boxes = reader.boxes("math");
            assertThat(boxes).as("every formula is laid out: a box of non-zero size" + at).noneMatch(Page.Box::isEmpty);

            Page.Layout layout = reader.layout();
            List<Page.Contents> displays = reader.contents("div.math.display");
            assertThat(displays).hasSize(DISPLAY_FORMULAS);
            Page.Contents widest = displays.stream()
                    .max((a, b) -> Double.compare(a.extent().width(), b.extent().width())).orElseThrow();
            if (viewport == Viewport.PHONE) {
                assertThat(reader.widerThanScreen()).as("the page is no wider than the phone: nothing widens it"
                        + " (content %s px, screen %s px)", layout.contentWidth(), viewport.width()).isFalse();
                assertThat(displays).as("every display formula's box fits the phone" + at)
                        .allMatch(d -> d.box().right() <= viewport.width());
            }
            assertThat(widest.extent().width()).as("the long formula is wider than its box, which scrolls it" + at)
                    .isGreaterThan(widest.box().width());
            reader.screenshot("math-without-js-" + viewport.name().toLowerCase());
        }
        // not vacuous: without the documented .math.display rule the long formula widens the phone page
        Page unstyled = browser.open(Viewport.PHONE, Scripts.OFF).load(Browser.writePage("math-without-js-unstyled",
                "<!DOCTYPE html><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                        + html));
        assertThat(unstyled.widerThanScreen()).as("the long formula without its scrolling box").isTrue();
    }

    @Test
    @Order(2)
    void theTexFormIsThereForPagesThatTypesetThemselves() {
        Response tex = api.anonymous().queryParam("math", "tex").get("/api/v1/articles/{id}", articleId);
        assertThat(tex.statusCode()).isEqualTo(200);
        String html = tex.jsonPath().getString("html");
        assertThat(html).contains("<span class=\"math inline\">\\(E ").contains("\\[").doesNotContain("<math");
        assertThat(tex.jsonPath().getString("excerptHtml")).doesNotContain("<math");
    }

    @Test
    @Order(3)
    void memberTexAndMutationXssStayInertInABrowserThatRunsJavascript(Browser browser) {
        // each batch is one comment and one preview; a batch ends after a payload that opens an HTML comment
        // (<!--), which swallows whatever follows it
        List<String> batches = new ArrayList<>(List.of(INERT_TEX + "\n\n" + word + "\n"));
        List<String> batch = new ArrayList<>();
        for (String payload : payloads()) {
            batch.add("<div>\n" + payload + "\n</div>");
            if (payload.contains("<!--")) {
                batches.add(String.join("\n\n", batch));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            batches.add(String.join("\n\n", batch));
        }
        StringBuilder sections = new StringBuilder();
        List<String> html = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            Response comment = api.json(api.as("bob"), Map.of("body", word + " " + i + "\n\n" + batches.get(i)))
                    .post("/api/v1/articles/{id}/comments", articleId);
            assertThat(comment.statusCode()).as(comment.asString()).isEqualTo(201);
            Response preview = api.json(api.as("author"), Map.of("markdown", batches.get(i))).post("/api/v1/preview");
            assertThat(preview.statusCode()).as(preview.asString()).isEqualTo(200);
            html.add(comment.jsonPath().getString("bodyHtml"));
            html.add(preview.jsonPath().getString("html"));
            sections.append("<section id=\"comment-").append(i).append("\">").append(html.get(2 * i))
                    .append("</section>\n<section id=\"preview-").append(i).append("\">").append(html.get(2 * i + 1))
                    .append("</section>\n");
        }

        // the page a reader site serves (the HTML parsed once), then what a client-side app does with the same HTML:
        // innerHTML, and innerHTML of its own serialization (the mutation-XSS round trip)
        var file = Browser.writePage("inert-tex-and-mxss", ReaderPage.html("mXSS",
                "<script>window.__canary = 'ran';</script>", sections.toString()));
        Page page = browser.open(Viewport.DESKTOP, Scripts.ON).load(file);
        assertThat(page.script("return window.__canary")).as("the page's own script ran: JavaScript is on").isEqualTo("ran");
        page.script("""
                for (const section of [...document.querySelectorAll('section')]) {
                  const again = document.createElement('section');
                  again.id = 'again-' + section.id;
                  again.innerHTML = section.innerHTML;
                  again.innerHTML = again.innerHTML;
                  document.body.append(again);
                }""");
        page.await("every image loaded or failed", Duration.ofSeconds(10),
                () -> page.script("return [...document.images].every(i => i.complete)"), Boolean.TRUE::equals);
        settle(page);
        page.screenshot("inert-tex-and-mxss-desktop");

        assertThat(page.script("return typeof window.__pwned")).as("no payload ran").isEqualTo("undefined");
        assertThat(dangers(page, "[id^=comment-], [id^=again-comment-]", false)).as("comment HTML in the browser")
                .isEmpty();
        // articles may show images (<img src="x"> is what the sanitizer leaves of <img src=x onerror=…>): in a
        // preview an image is fine, its attributes are checked like every other element's
        assertThat(dangers(page, "[id^=preview-], [id^=again-preview-]", true)).as("preview HTML in the browser")
                .isEmpty();
        assertThat(page.script("return document.querySelector('#comment-0').textContent")).asString().contains(word);
    }

    /** TeX a member might write to get a link, an image, attributes or markup out of a formula. */
    private static final String INERT_TEX = """
            链接:$\\href{javascript:window.__pwned=1}{x}$,$\\url{javascript:window.__pwned=1}$,\
            图片:$\\includegraphics{http://example.com/x.png}$,属性:$\\htmlData{foo=bar}{x}$ \
            $\\htmlId{pwn}{x}$ $\\htmlClass{pwn}{x}$ $\\htmlStyle{background:url(javascript:window.__pwned=1)}{x}$,\
            文本:$\\text{</math><img src=x onerror=window.__pwned=1>}$。

            $$\\href{javascript:window.__pwned=1}{\\sum_{i=1}^{n} i}$$
            """;

    /**
     * What must not be in the sanitized HTML once a browser has parsed it (in the sections named): active or
     * style elements, foreign-content escapes, event handlers, {@code javascript:} URLs, and anything the TeX
     * commands above would have produced (an image, {@code data-foo}, {@code id/class pwn}). Empty when clean.
     */
    @SuppressWarnings("unchecked")
    private static List<String> dangers(Page page, String sections, boolean imagesAllowed) {
        return new ArrayList<>((List<String>) page.script("""
                const found = [];
                for (const section of document.querySelectorAll(arguments[0])) {
                  for (const e of section.querySelectorAll((arguments[1] ? '' : 'img, ') + 'image, style, script, svg, '
                      + 'iframe, object, embed, link, meta, base, annotation-xml, foreignObject, [data-foo], #pwn, .pwn')) {
                    found.push(section.id + ': <' + e.localName + '> ' + e.outerHTML.slice(0, 120));
                  }
                  for (const e of section.querySelectorAll('*')) {
                    for (const a of e.attributes) {
                      const value = a.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
                      if (a.name.toLowerCase().startsWith('on') || value.startsWith('javascript:')
                          || value.includes('example.com/x.png')) {
                        found.push(section.id + ': ' + e.localName + ' ' + a.name + '="' + a.value + '"');
                      }
                    }
                  }
                }
                return found;""", sections, imagesAllowed));
    }

    /** One turn of the event loop after a frame: error events queued by failed loads have been dispatched. */
    private static void settle(Page page) {
        page.scriptAsync("""
                const done = arguments[arguments.length - 1];
                requestAnimationFrame(() => setTimeout(done, 0));""");
    }

    /** The mutation-XSS payloads (browser/mxss-payloads.txt), one a line. */
    private static List<String> payloads() {
        return resource("browser/mxss-payloads.txt").lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    private static String resource(String name) {
        try (InputStream in = MathWithoutJavaScriptIT.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
