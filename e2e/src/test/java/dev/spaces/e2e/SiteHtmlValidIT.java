package dev.spaces.e2e;

import dev.spaces.e2e.support.Api;
import dev.spaces.e2e.support.Articles;
import dev.spaces.e2e.support.StackExtension;
import dev.spaces.e2e.support.html.NuChecker;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #21, "HTML validated with no errors on every page type": every kind of page the reader site serves, fetched
 * through the gateway as a reader gets it, is checked by the Nu HTML checker (vnu, in-process, see {@link NuChecker})
 * and must have no error at all. A failure lists each message with its line, column and the source around it.
 * No browser: the checker reads the HTML the server sent, which is the page with JavaScript off.
 * <p>
 * Adding a page type is one line in {@link #pageTypes()}.
 */
@Order(7)
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteHtmlValidIT {

    /**
     * A page the site serves: what it is, its path, the status it answers with, and whether search engines may index
     * it (then it names its canonical URL; otherwise it says noindex).
     */
    record PageType(String name, String path, int status, boolean indexed) {
        static PageType indexed(String name, String path) {
            return new PageType(name, path, 200, true);
        }

        static PageType hidden(String name, String path, int status) {
            return new PageType(name, path, status, false);
        }
    }

    private final Api api;
    private final String word = Articles.uniqueWord();
    private final NuChecker checker = new NuChecker();
    private long articleId;
    private String previewPath;
    private String revokedPreviewPath;
    private String siteUrl;
    private String seriesSlug;
    private String categorySlug;
    private String tagSlug;
    private String month;
    private List<String> settingsPages;

    SiteHtmlValidIT(Api api) {
        this.api = api;
    }

    /** Every page type, with the status it must answer with. */
    private List<PageType> pageTypes() {
        return List.of(
                PageType.indexed("home", "/"),
                PageType.indexed("home, page 2", "/?page=2"),
                PageType.indexed("article with formulas, series, table of contents and comments",
                        "/archives/" + articleId),
                PageType.hidden("draft preview link", previewPath, 200),
                PageType.hidden("page not found", "/archives/999999999", 404),
                PageType.hidden("revoked preview link", revokedPreviewPath, 410),
                // browsing pages
                PageType.indexed("category", "/category/" + categorySlug),
                PageType.indexed("tag", "/tag/" + tagSlug),
                PageType.indexed("series", "/series/" + seriesSlug),
                PageType.indexed("archive", "/archive"),
                PageType.indexed("archive month", "/archive/" + month),
                PageType.indexed("tags and categories", "/tags"),
                PageType.hidden("search with results", "/search?q=梯度下降", 200),
                PageType.hidden("search without results", "/search?q=" + word + "zzqx", 200),
                PageType.hidden("search with a formula in the query", "/search?q=$x^2$", 200),
                PageType.hidden("formula box search", "/search?latex=\\alpha^2", 200)
        ).stream().collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
            // the site settings' pages the menu links to (FAQ, licence, sponsor: those the settings fill)
            settingsPages.forEach(path -> list.add(PageType.indexed("site settings page " + path, path)));
            return list;
        }));
    }

    @BeforeAll
    void anArticleInASeriesWithFormulasHeadingsAndAnApprovedCommentAndTwoPreviewLinks() {
        siteUrl = api.anonymous().get("/api/v1/site").jsonPath().getString("siteUrl").replaceFirst("/$", "");
        // a part of a sample series (the d2l-zh chapters): formulas, several headings, prev/next
        Response series = api.anonymous().get("/api/v1/series");
        String slug = series.jsonPath().getString("find { it.articleCount > 1 }.slug");
        assertThat(slug).as("a sample series with several parts").isNotNull();
        seriesSlug = slug;
        categorySlug = api.anonymous().get("/api/v1/categories").jsonPath()
                .getString("find { it.articleCount > 0 }.slug");
        tagSlug = api.anonymous().get("/api/v1/tags").jsonPath().getString("find { it.articleCount > 0 }.slug");
        assertThat(java.util.Arrays.asList(categorySlug, tagSlug)).as("a category and a tag with articles")
                .doesNotContainNull();
        Response archive = api.anonymous().get("/api/v1/archive");
        month = "%04d/%02d".formatted(archive.jsonPath().getInt("[0].year"), archive.jsonPath().getInt("[0].month"));
        String home = api.anonymous().get("/").asString();
        settingsPages = java.util.stream.Stream.of("/faq", "/license", "/sponsor")
                .filter(path -> home.contains("href=\"" + path + "\"")).toList();
        assertThat(settingsPages).as("the menu links the licence page the settings always have").contains("/license");
        List<Long> parts = api.anonymous().get("/api/v1/series/{slug}", slug).jsonPath().getList("parts.id", Long.class);
        assertThat(parts).as("the series' parts").isNotEmpty();
        articleId = parts.stream().filter(id -> {
            String html = api.anonymous().get("/api/v1/articles/{id}", id).jsonPath().getString("html");
            return html.contains("<math") && html.split("<h[23][ >]").length > 2;
        }).findFirst().orElseThrow(() -> new AssertionError("no part of series " + slug + " has formulas and headings"));

        Response comment = api.json(api.as("bob"), Map.of("body", word + ":公式 $\\sum_{i=1}^n i = \\frac{n(n+1)}{2}$"
                + " 与 $$\\int_0^1 x^2\\,\\mathrm{d}x = \\frac13$$")).post("/api/v1/articles/{id}/comments", articleId);
        assertThat(comment.statusCode()).as(comment.asString()).isEqualTo(201);
        if ("pending".equals(comment.jsonPath().getString("status"))) {
            Response approved = api.json(api.as("moderator"), Map.of("action", "approve", "reason", "e2e"))
                    .post("/api/v1/comments/{id}/moderation", comment.jsonPath().getLong("id"));
            assertThat(approved.statusCode()).as(approved.asString()).isEqualTo(200);
        }

        // the draft shows the widest range of MathML the pipeline writes: the browser test's article (integral,
        // align with \\tag, cases, pmatrix) and one display formula per construct that makes other elements
        // (munder/mover, mroot, mpadded, mspace, mtable with lines, stretchy operators, colours…)
        String constructs = String.join("\n\n", List.of("\\underbrace{x+y}_{n} \\overbrace{a}^{b}",
                "\\sqrt[3]{x} \\boxed{z} \\cancel{q} \\bcancel{x} \\xcancel{y}", "\\xrightarrow{f} \\xleftarrow[b]{a}",
                "\\operatorname{tr} \\mathbb{R} \\mathcal{L} \\mathrm{d}x \\boldsymbol{\\alpha}",
                "\\hat{x} \\vec{v} \\widehat{abc} \\overline{ab} \\underline{cd}",
                "\\left( \\frac{a}{b} \\right) \\binom{n}{k} \\not= \\big( \\Bigg|", "a\\,b\\;c\\quad d \\kern1em e",
                "\\text{文字} \\color{red}{r} \\colorbox{red}{x} \\stackrel{?}{=}", "\\sum\\limits_{i=1}^n \\lim_{x\\to 0}",
                "\\overset{a}{b} \\underset{c}{d} \\phantom{x} \\smash{y}",
                "\\begin{array}{c|c} 1 & 2 \\\\ \\hline 3 & 4 \\end{array}", "\\begin{bmatrix} 1 & 0 \\\\ 0 & 1 \\end{bmatrix}",
                "\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}", "\\begin{split} a &= b \\\\ &= c \\end{split}",
                "\\begin{gathered} x \\\\ y \\end{gathered}", "\\cfrac{1}{1+\\cfrac{1}{2}} \\genfrac{(}{)}{0pt}{}{a}{b}",
                "\\overleftrightarrow{EF} \\href{https://example.org}{x} \\pmod{3}", "x \\tag{3}"))
                .lines().filter(l -> !l.isBlank()).map(l -> "$$" + l + "$$").reduce("", (a, b) -> a + b + "\n\n");
        long draft = Articles.draft(api, "author", word + ":预览草稿", """
                ## 第一节

                %s

                ## 第二节

                %s

                %s
                """.formatted(resource("browser/math-without-javascript.md"), constructs, word), List.of("端到端测试"));
        String draftHtml = api.as("author").get("/api/v1/articles/{id}", draft).jsonPath().getString("html");
        assertThat(draftHtml).as("every formula of the draft became MathML").doesNotContain("math-error")
                .contains("<munder").contains("<mover").contains("<mpadded").contains("<mroot").contains("<mtable");
        previewPath = previewLink(draft).getPath();
        Response second = api.json(api.as("author"), Map.of()).post("/api/v1/articles/{id}/preview-links", draft);
        assertThat(second.statusCode()).as(second.asString()).isEqualTo(201);
        revokedPreviewPath = URI.create(second.jsonPath().getString("url")).getPath();
        Response revoked = api.as("author").delete("/api/v1/articles/{id}/preview-links/{link}", draft,
                second.jsonPath().getLong("id"));
        assertThat(revoked.statusCode()).as(revoked.asString()).isBetween(200, 204);
    }

    private static String resource(String name) {
        try (var in = SiteHtmlValidIT.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI previewLink(long draft) {
        Response link = api.json(api.as("author"), Map.of()).post("/api/v1/articles/{id}/preview-links", draft);
        assertThat(link.statusCode()).as(link.asString()).isEqualTo(201);
        return URI.create(link.jsonPath().getString("url"));
    }

    @TestFactory
    Stream<DynamicTest> everyPageTypeIsValidHtml() {
        return pageTypes().stream().map(type -> DynamicTest.dynamicTest(type.name() + " " + type.path(), () -> {
            Response page = api.anonymous().redirects().follow(false).get(type.path());
            assertThat(page.statusCode()).as(type.name() + " " + type.path()).isEqualTo(type.status());
            assertThat(page.contentType()).as(type.name()).startsWith("text/html");
            String html = page.asString();
            if (type.indexed()) {
                // read back decoded: a CJK slug is percent-encoded in the URL, as it should be
                java.util.regex.Matcher canonical = java.util.regex.Pattern
                        .compile("<link rel=\"canonical\" href=\"([^\"]+)\">").matcher(html);
                assertThat(canonical.find()).as("%s names its canonical URL", type.name()).isTrue();
                assertThat(java.net.URLDecoder.decode(canonical.group(1), java.nio.charset.StandardCharsets.UTF_8))
                        .as("%s's canonical URL", type.name()).isEqualTo(siteUrl + type.path());
                assertThat(html).doesNotContain("noindex");
            } else {
                assertThat(html).as("%s is kept out of search engines", type.name())
                        .contains("<meta name=\"robots\" content=\"noindex, nofollow\">")
                        .doesNotContain("rel=\"canonical\"");
            }
            NuChecker.Result result = checker.check(html);
            result.warnings().forEach(w -> System.out.printf("[e2e] %s: %s%n", type.name(), w));
            assertThat(result.errors()).as("the Nu checker's errors in %s (%s):%n%s", type.name(), type.path(),
                    result.errors().stream().map(m -> "  " + m).collect(Collectors.joining("\n"))).isEmpty();
        }));
    }
}
