package dev.spaces.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.e2e.support.Api;
import dev.spaces.e2e.support.StackExtension;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #21, what search engines, feed readers and citers read from the reader site, through the gateway:
 * robots.txt, a sitemap and feeds whose links are the site's own pages (each answered by the site), and the
 * structured data (JSON-LD, Open Graph) in the pages' heads.
 */
@Order(7)
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderSiteSearchEnginesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LD = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>",
            Pattern.DOTALL);

    private final Api api;
    private String siteUrl;

    ReaderSiteSearchEnginesIT(Api api) {
        this.api = api;
    }

    @BeforeAll
    void theSitesAddress() {
        siteUrl = api.anonymous().get("/api/v1/site").jsonPath().getString("siteUrl").replaceFirst("/$", "");
    }

    @Test
    void robotsTxtKeepsCrawlersOutOfPreviewsAndSearchAndNamesTheSitemap() {
        Response robots = api.anonymous().get("/robots.txt");
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.contentType()).startsWith("text/plain");
        assertThat(robots.asString().lines()).contains("User-agent: *", "Disallow: /preview/", "Disallow: /search",
                "Sitemap: " + siteUrl + "/sitemap.xml");
    }

    @Test
    void everyAddressInTheSitemapAndTheFeedsIsAPageOfTheReaderSite() {
        List<String> sitemap = all(Pattern.compile("<loc>([^<]+)</loc>"), api.anonymous().get("/sitemap.xml").asString());
        List<String> rss = all(Pattern.compile("<link>([^<]+)</link>"), api.anonymous().get("/feed").asString());
        List<String> atom = all(Pattern.compile("<link href=\"([^\"]+)\" rel=\"alternate\""),
                api.anonymous().get("/feed/atom").asString());
        assertThat(sitemap).contains(siteUrl + "/").anyMatch(u -> u.startsWith(siteUrl + "/archives/"));
        assertThat(rss).anyMatch(u -> u.startsWith(siteUrl + "/archives/"));
        assertThat(atom).anyMatch(u -> u.startsWith(siteUrl + "/archives/"));
        List<String> links = new ArrayList<>(sitemap.subList(0, Math.min(8, sitemap.size())));
        links.addAll(rss.subList(0, Math.min(3, rss.size())));
        links.addAll(atom.subList(0, Math.min(3, atom.size())));
        for (String link : links) {
            assertThat(link).as("a link of the sitemap or a feed").startsWith(siteUrl + "/");
            URI uri = URI.create(link);
            Response page = api.anonymous().redirects().follow(false).get(uri.getRawPath());
            assertThat(page.statusCode()).as(link).isEqualTo(200);
            assertThat(page.contentType()).as(link).startsWith("text/html");
            assertThat(page.asString()).as(link).contains("<link rel=\"canonical\" href=\"" + link + "\">");
        }
    }

    @Test
    void anArticleCarriesOpenGraphAndJsonLdWithAuthorDatesPublisherAndHowToCiteIt() throws Exception {
        long id = api.anonymous().get("/api/v1/articles?size=1").jsonPath().getLong("items[0].id");
        String html = api.anonymous().get("/archives/{id}", id).asString();
        JsonNode ld = jsonLd(html);
        assertThat(ld.path("@type").asText()).isIn("BlogPosting", "ScholarlyArticle");
        assertThat(ld.path("headline").asText()).isNotBlank();
        assertThat(ld.path("author").path("@type").asText()).isEqualTo("Person");
        assertThat(ld.path("datePublished").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d([+-]\\d\\d:\\d\\d|Z)");
        assertThat(ld.path("mainEntityOfPage").path("@id").asText()).isEqualTo(siteUrl + "/archives/" + id);
        assertThat(ld.path("publisher").path("url").asText()).isEqualTo(siteUrl + "/");
        assertThat(ld.path("license").asText()).startsWith("https://");
        assertThat(ld.path("creditText").asText()).contains("转载请注明").contains(siteUrl + "/archives/" + id);
        assertThat(html).contains("<meta property=\"og:locale\" content=\"zh_CN\">")
                .contains("<meta property=\"article:published_time\" content=\"" + ld.path("datePublished").asText() + "\">")
                .containsPattern("<meta property=\"og:description\" content=\"[^\"]+\">");
    }

    @Test
    void theHomePageOffersTheSitesSearchToSearchEngines() throws Exception {
        JsonNode ld = jsonLd(api.anonymous().get("/").asString());
        assertThat(ld.path("@type").asText()).isEqualTo("WebSite");
        assertThat(ld.path("potentialAction").path("target").path("urlTemplate").asText())
                .isEqualTo(siteUrl + "/search?q={search_term_string}");
    }

    private static JsonNode jsonLd(String html) throws Exception {
        Matcher m = LD.matcher(html);
        assertThat(m.find()).as("a JSON-LD script in the page").isTrue();
        return JSON.readTree(m.group(1));
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
