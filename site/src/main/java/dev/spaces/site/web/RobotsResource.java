package dev.spaces.site.web;

import dev.spaces.commons.http.PublicCache;
import dev.spaces.site.client.ContentReader;
import dev.spaces.site.view.Urls;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * {@code /robots.txt} (part seo): every page may be crawled except draft preview links (the token is a credential;
 * the pages say noindex as well, but a crawler that never fetches them never holds the token in its logs) and search
 * results (endless combinations of queries that only repeat the articles). The sitemap's address is absolute, under
 * the site settings' URL, as the robots.txt standard asks.
 */
@Path("/robots.txt")
public class RobotsResource {

    private final ContentReader content;

    public RobotsResource(ContentReader content) {
        this.content = content;
    }

    @GET
    @PublicCache
    @Produces("text/plain;charset=utf-8")
    public String robots() {
        return text(content.site().siteUrl());
    }

    static String text(String siteUrl) {
        return """
                User-agent: *
                Allow: /
                Disallow: /preview/
                Disallow: /search

                Sitemap: %s
                """.formatted(Urls.absolute(siteUrl, "/sitemap.xml"));
    }
}
