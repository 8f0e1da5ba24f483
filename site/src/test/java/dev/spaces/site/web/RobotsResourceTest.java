package dev.spaces.site.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RobotsResourceTest {

    @Test
    void crawlersMayReadEverythingButPreviewLinksAndSearchAndFindTheSitemapUnderTheSiteUrl() {
        String robots = RobotsResource.text("https://kexue.fm/");
        assertThat(robots.lines()).containsExactly("User-agent: *", "Allow: /", "Disallow: /preview/",
                "Disallow: /search", "", "Sitemap: https://kexue.fm/sitemap.xml");
        assertThat(RobotsResource.text("https://example.org/blog")).contains("Sitemap: https://example.org/blog/sitemap.xml");
    }
}
