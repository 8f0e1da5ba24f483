package dev.spaces.site.client;

import dev.spaces.site.api.ArchiveMonth;
import dev.spaces.site.api.Article;
import dev.spaces.site.api.ArticleSummary;
import dev.spaces.site.api.Category;
import dev.spaces.site.api.Listing;
import dev.spaces.site.api.PageLink;
import dev.spaces.site.api.Series;
import dev.spaces.site.api.SiteSettings;
import dev.spaces.site.api.StandalonePage;
import dev.spaces.site.api.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/**
 * content-service's public API, exactly as any client sees it (no token, so only published content, and its answers
 * come from its read cache). Called only through {@link ContentReader}, which guards every call.
 */
@RegisterRestClient(configKey = "content")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface ContentApi {

    @GET
    @Path("/articles")
    Listing<ArticleSummary> articles(@QueryParam("page") int page, @QueryParam("size") int size,
                                     @QueryParam("category") String category, @QueryParam("tag") String tag,
                                     @QueryParam("year") Integer year, @QueryParam("month") Integer month);

    // ---- browse: a series' articles (dates and excerpts for the series page)
    @GET
    @Path("/articles")
    Listing<ArticleSummary> seriesArticles(@QueryParam("series") String series, @QueryParam("page") int page,
                                           @QueryParam("size") int size);
    // ---- end browse

    @GET
    @Path("/articles/{id}")
    Article article(@PathParam("id") long id);

    @GET
    @Path("/articles/slug/{slug}")
    Article articleBySlug(@PathParam("slug") String slug);

    @GET
    @Path("/articles/{id}/related")
    List<ArticleSummary> related(@PathParam("id") long id, @QueryParam("limit") int limit);

    @GET
    @Path("/articles/popular")
    List<ArticleSummary> popular(@QueryParam("days") int days, @QueryParam("limit") int limit);

    /** The citation in one format ({@code text}, {@code bibtex}, {@code biblatex}, {@code ris}, {@code gbt7714}…). */
    @GET
    @Path("/articles/{id}/citation")
    @Produces({MediaType.TEXT_PLAIN, "*/*"})
    String citation(@PathParam("id") long id, @QueryParam("format") String format);

    @GET
    @Path("/preview-links/{token}")
    Article preview(@PathParam("token") String token);

    @GET
    @Path("/site")
    SiteSettings site();

    @GET
    @Path("/pages")
    List<PageLink> pages();

    @GET
    @Path("/pages/{slug}")
    StandalonePage page(@PathParam("slug") String slug);

    @GET
    @Path("/categories")
    List<Category> categories();

    @GET
    @Path("/tags")
    List<Tag> tags();

    @GET
    @Path("/series")
    List<Series> seriesList();

    @GET
    @Path("/series/{slug}")
    Series series(@PathParam("slug") String slug);

    @GET
    @Path("/archive")
    List<ArchiveMonth> archive();
}
