package dev.spaces.e2e;

import dev.spaces.e2e.support.Api;
import dev.spaces.e2e.support.Articles;
import dev.spaces.e2e.support.Poll;
import dev.spaces.e2e.support.StackExtension;
import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader site through the gateway (issue 21), without a browser: its pages at the blog's own addresses, HTML
 * complete with MathML, kept by the gateway's cache and fresh within a second of a publish (the same signed purge
 * events as the API's answers). The browser scenarios are in the Site*IT classes.
 */
@Order(3)
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderSiteIT {

    /** The bound for publish → on the cached home page; {@code -De2e.fresh-within=PT2S} relaxes it. */
    private static final Duration FRESH_WITHIN = Duration.parse(System.getProperty("e2e.fresh-within", "PT1S"));

    private final Api api;

    ReaderSiteIT(Api api) {
        this.api = api;
    }

    @Test
    @Order(1)
    void aPublishedArticleIsOnTheCachedHomePageWithinASecondAndAtItsNumberedAddress() {
        // the home page is in the gateway's cache before the publish
        api.anonymous().get("/").then().statusCode(200);
        Response cached = api.anonymous().get("/");
        assertThat(cached.header("X-Cache")).isEqualTo("HIT");
        assertThat(cached.contentType()).startsWith("text/html");

        String word = Articles.uniqueWord();
        String title = word + "：热传导方程的解";
        long id = Articles.publishNew(api, "author", title, """
                设 $u(x,t)$ 为温度，它满足

                $$\\frac{\\partial u}{\\partial t} = \\alpha \\frac{\\partial^2 u}{\\partial x^2}$$

                <!--more-->

                ## 分离变量

                令 $u = X(x)T(t)$。

                ## 傅里叶级数

                $$u(x,t) = \\sum_{n=1}^{\\infty} b_n e^{-\\alpha n^2 \\pi^2 t} \\sin(n \\pi x)$$
                """, List.of());
        long published = System.nanoTime();
        Poll.until("the new article on the home page", Duration.ofSeconds(15), Duration.ofMillis(20),
                () -> api.anonymous().get("/").asString(), home -> home.contains(title));
        Duration latency = Duration.ofNanos(System.nanoTime() - published);
        System.out.printf("[reader site] publish → on the cached home page in %d ms%n", latency.toMillis());
        assertThat(latency).isLessThanOrEqualTo(FRESH_WITHIN);

        Response article = api.anonymous().get("/archives/{id}", id);
        assertThat(article.statusCode()).isEqualTo(200);
        String html = article.asString();
        assertThat(html).contains("<h1>" + title + "</h1>");
        // formulas as MathML, made on the server: no script needed to read them
        assertThat(html).containsPattern("<div class=\"math display\"><math [^>]*display=\"block\"");
        // the TeX is kept only as the formulas' annotation, never as text a script would have to typeset
        assertThat(html).doesNotContain("$$").doesNotContain("<p>$");
        // the table of contents links to the headings' ids
        assertThat(html).containsPattern("<a href=\"#([^\"]+)\">分离变量</a>").containsPattern("<h2 id=\"[^\"]+\">分离变量</h2>");
        assertThat(article.header("Content-Security-Policy")).contains("script-src 'self'");

        String slug = api.anonymous().get("/api/v1/articles/{id}", id).jsonPath().getString("slug");
        Response bySlug = api.anonymous().redirects().follow(false).get("/archives/" + slug);
        assertThat(bySlug.statusCode()).isEqualTo(301);
        assertThat(bySlug.header("Location")).endsWith("/archives/" + id);
    }

    @Test
    @Order(2)
    void unknownAddressesArePagesForPeopleWhileTheApiKeepsItsProblems() {
        Response page = api.anonymous().get("/archives/987654321");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.asString()).contains("页面不存在");
        Response api404 = api.anonymous().get("/api/v1/no-such-thing");
        assertThat(api404.statusCode()).isEqualTo(404);
        assertThat(api404.contentType()).startsWith("application/problem+json");
        // the site's stylesheet is served through the gateway and may be kept for long (its URL carries a hash)
        String css = page.asString().replaceAll("(?s).*href=\"(/assets/site\\.css\\?v=[^\"]+)\".*", "$1");
        Response stylesheet = api.anonymous().get(css);
        assertThat(stylesheet.statusCode()).isEqualTo(200);
        assertThat(stylesheet.asString()).contains(".math.display");
    }
}
