package dev.spaces.content.feed.rest;

import dev.spaces.commons.http.PublicCache;
import dev.spaces.commons.http.PublicCacheFilter;
import dev.spaces.commons.validation.Slug;
import dev.spaces.content.feed.FeedService.Scope;
import dev.spaces.content.feed.FeedService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** RSS 2.0 (full text) and Atom feeds, site-wide and per category, tag and series; the sitemap. */
@Path("/")
@PublicCache
@Tag(name = "Feeds")
public class FeedResource {

    private static final String RSS = "application/rss+xml; charset=UTF-8";
    private static final String ATOM = "application/atom+xml; charset=UTF-8";

    private final FeedService feeds;

    public FeedResource(FeedService feeds) {
        this.feeds = feeds;
    }

    @GET
    @Path("feed")
    @Operation(summary = "RSS 2.0 feed of the newest articles, full text")
    public Response rss() {
        return xml(feeds.rss(Scope.ALL, null, self("/feed")), RSS);
    }

    @GET
    @Path("feed/atom")
    @Operation(summary = "Atom feed of the newest articles, full text")
    public Response atom() {
        return xml(feeds.atom(Scope.ALL, null, self("/feed/atom")), ATOM);
    }

    @GET
    @Path("feed/{scope:category|tag|series}/{slug}")
    @Operation(summary = "RSS 2.0 feed of one category, tag or series")
    public Response scopedRss(@PathParam("scope") String scope, @PathParam("slug") @Slug String slug) {
        return xml(feeds.rss(Scope.valueOf(scope.toUpperCase()), slug, self("/feed/" + scope + "/" + slug)), RSS);
    }

    @GET
    @Path("feed/{scope:category|tag|series}/{slug}/atom")
    @Operation(summary = "Atom feed of one category, tag or series")
    public Response scopedAtom(@PathParam("scope") String scope, @PathParam("slug") @Slug String slug) {
        return xml(feeds.atom(Scope.valueOf(scope.toUpperCase()), slug,
                self("/feed/" + scope + "/" + slug + "/atom")), ATOM);
    }

    @GET
    @Path("sitemap.xml")
    @Operation(summary = "Sitemap of every published article")
    public Response sitemap() {
        return xml(feeds.sitemap(), "application/xml; charset=UTF-8");
    }

    private String self(String path) {
        return feeds.siteUrl() + path;
    }

    private static Response xml(FeedService.Feed feed, String type) {
        return Response.ok(feed.xml()).type(type)
                .header("Last-Modified", PublicCacheFilter.httpDate(feed.lastModified())).build();
    }
}
