package dev.spaces.site.web;

import dev.spaces.commons.http.PublicCache;
import dev.spaces.site.api.ArchiveMonth;
import dev.spaces.site.api.ArticleSummary;
import dev.spaces.site.api.Category;
import dev.spaces.site.api.Listing;
import dev.spaces.site.api.Series;
import dev.spaces.site.api.SiteSettings;
import dev.spaces.site.api.StandalonePage;
import dev.spaces.site.api.Tag;
import dev.spaces.site.client.CommentReader;
import dev.spaces.site.client.ContentReader;
import dev.spaces.site.config.SiteConfig;
import dev.spaces.site.view.ArchiveYears;
import dev.spaces.site.view.Chrome;
import dev.spaces.site.view.Pager;
import dev.spaces.site.view.Urls;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The browsing pages: a category's and a tag's articles, a series in reading order, the archive (years → months)
 * and a month's articles, the tag list, standalone pages, and the pages drawn from the site settings (FAQ, licence,
 * sponsor). All anonymous GETs the gateway may keep ({@link PublicCache}); an unknown slug is the 404 page.
 */
@Path("/")
public class BrowseResource {

    /** The signed-in reader, named in the header (read on the request's thread). */
    private final Viewers viewers;

    private final ContentReader content;
    private final CommentReader comments;
    private final Frames frames;
    private final Parallel parallel;
    private final SiteConfig config;

    public BrowseResource(ContentReader content, CommentReader comments, Frames frames, Parallel parallel,
                          SiteConfig config, Viewers viewers) {
        this.viewers = viewers;
        this.content = content;
        this.comments = comments;
        this.frames = frames;
        this.parallel = parallel;
        this.config = config;
    }

    @GET
    @Path("category/{slug}")
    @PublicCache
    @Produces(Html.TYPE)
    public String category(@PathParam("slug") String slug, @QueryParam("page") @DefaultValue("1") int page) {
        String base = Urls.category(slug);
        Category category = content.categories().stream().filter(c -> c.slug().equals(slug)).findFirst()
                .orElseThrow(NotFoundException::new);
        return term("分类", category.name(), category.description(), category.articleCount(),
                "/feed/category/" + Urls.encode(slug), base, page,
                p -> content.articles(p, config.pageSize(), slug, null, null, null));
    }

    @GET
    @Path("tag/{slug}")
    @PublicCache
    @Produces(Html.TYPE)
    public String tag(@PathParam("slug") String slug, @QueryParam("page") @DefaultValue("1") int page) {
        Tag tag = content.tags().stream().filter(t -> t.slug().equals(slug)).findFirst()
                .orElseThrow(NotFoundException::new);
        return term("标签", tag.name(), null, tag.articleCount(), "/feed/tag/" + Urls.encode(slug),
                Urls.tag(slug), page, p -> content.articles(p, config.pageSize(), null, slug, null, null));
    }

    private String term(String kind, String name, String description, long count, String feed, String base,
                        int page, Function<Integer, Listing<ArticleSummary>> list) {
        int p = Math.max(1, page);
        Pager probe = new Pager(base, p, 1);
        String viewer = viewers.name();
        CompletableFuture<Chrome> chrome = parallel.start(() -> frames.chrome(probe.href(p), viewer));
        Listing<ArticleSummary> articles = list.apply(p);
        if (p > 1 && articles.items().isEmpty()) {
            throw new NotFoundException();
        }
        Map<Long, Long> counts = Lists.commentCounts(comments, articles.items());
        Chrome frame = Parallel.join(chrome);
        return Templates.term(frame, frames.dates(frame), kind, name, description, count, feed, articles, counts,
                new Pager(base, p, articles.totalPages())).render();
    }

    @GET
    @Path("series/{slug}")
    @PublicCache
    @Produces(Html.TYPE)
    public String series(@PathParam("slug") String slug) {
        String viewer = viewers.name();
        CompletableFuture<Chrome> chrome = parallel.start(() -> frames.chrome(Urls.series(slug), viewer));
        CompletableFuture<Listing<ArticleSummary>> listed = parallel.start(() -> content.seriesArticles(slug, 1, 100));
        Series series = content.series(slug);
        // dates and excerpts are a nicety: the parts in order come with the series itself
        Listing<ArticleSummary> articles = Parallel.optional(listed);
        Map<Long, ArticleSummary> summaries = new HashMap<>();
        if (articles != null) {
            articles.items().forEach(a -> summaries.put(a.id(), a));
        }
        Chrome frame = Parallel.join(chrome);
        return Templates.series(frame, frames.dates(frame), series, summaries).render();
    }

    @GET
    @Path("archive")
    @PublicCache
    @Produces(Html.TYPE)
    public String archive() {
        String viewer = viewers.name();
        CompletableFuture<Chrome> chrome = parallel.start(() -> frames.chrome("/archive", viewer));
        CompletableFuture<List<Category>> categories = parallel.start(content::categories);
        CompletableFuture<List<Tag>> tags = parallel.start(content::tags);
        List<ArchiveMonth> months = content.archive();
        Chrome frame = Parallel.join(chrome);
        return Templates.archive(frame, ArchiveYears.of(months), nonEmpty(Parallel.optional(categories)),
                nonEmptyTags(Parallel.optional(tags))).render();
    }

    @GET
    @Path("archive/{year:[0-9]{4}}/{month:[0-9]{1,2}}")
    @PublicCache
    @Produces(Html.TYPE)
    public String month(@PathParam("year") int year, @PathParam("month") int month,
                        @QueryParam("page") @DefaultValue("1") int page) {
        if (month < 1 || month > 12) {
            throw new NotFoundException();
        }
        int p = Math.max(1, page);
        Pager probe = new Pager(Urls.month(year, month), p, 1);
        String viewer = viewers.name();
        CompletableFuture<Chrome> chrome = parallel.start(() -> frames.chrome(probe.href(p), viewer));
        Listing<ArticleSummary> articles = content.articles(p, config.pageSize(), null, null, year, month);
        if (articles.items().isEmpty()) {
            throw new NotFoundException(); // a month without articles has no page (the archive does not link it)
        }
        Map<Long, Long> counts = Lists.commentCounts(comments, articles.items());
        Chrome frame = Parallel.join(chrome);
        return Templates.month(frame, frames.dates(frame), year, month, articles, counts,
                new Pager(Urls.month(year, month), p, articles.totalPages())).render();
    }

    @GET
    @Path("tags")
    @PublicCache
    @Produces(Html.TYPE)
    public String tags() {
        String viewer = viewers.name();
        CompletableFuture<Chrome> chrome = parallel.start(() -> frames.chrome("/tags", viewer));
        CompletableFuture<List<Category>> categories = parallel.start(content::categories);
        CompletableFuture<List<Series>> series = parallel.start(content::seriesList);
        List<Tag> tags = nonEmptyTags(content.tags());
        Chrome frame = Parallel.join(chrome);
        List<Series> allSeries = Parallel.optional(series);
        return Templates.taglist(frame, tags, nonEmpty(Parallel.optional(categories)),
                allSeries == null ? List.of() : allSeries).render();
    }

    @GET
    @Path("pages/{slug}")
    @PublicCache
    @Produces(Html.TYPE)
    public String page(@PathParam("slug") String slug) {
        String viewer = viewers.name();
        CompletableFuture<Chrome> chrome = parallel.start(() -> frames.chrome(Urls.page(slug), viewer));
        StandalonePage page = content.page(slug);
        return Templates.page(Parallel.join(chrome), page).render();
    }

    @GET
    @Path("faq")
    @PublicCache
    @Produces(Html.TYPE)
    public Response faq() {
        Chrome frame = frames.chrome("/faq", viewers.name());
        if (frame.hasPage("faq")) {
            return redirect("faq");
        }
        if (frame.site().faq().isEmpty()) {
            throw new NotFoundException();
        }
        return Response.ok(Templates.faq(frame, frame.site().faq()).render(), Html.MEDIA_TYPE).build();
    }

    @GET
    @Path("license")
    @PublicCache
    @Produces(Html.TYPE)
    public Response license() {
        Chrome frame = frames.chrome("/license", viewers.name());
        if (frame.hasPage("license")) {
            return redirect("license");
        }
        SiteSettings.License license = frame.site().license();
        if (license == null) {
            throw new NotFoundException();
        }
        return Response.ok(Templates.license(frame, license).render(), Html.MEDIA_TYPE).build();
    }

    @GET
    @Path("sponsor")
    @PublicCache
    @Produces(Html.TYPE)
    public Response sponsor() {
        Chrome frame = frames.chrome("/sponsor", viewers.name());
        if (frame.hasPage("sponsor")) {
            return redirect("sponsor");
        }
        SiteSettings site = frame.site();
        if (site.sponsor() == null && site.participation() == null) {
            throw new NotFoundException();
        }
        return Response.ok(Templates.sponsor(frame, site.sponsor(), site.participation()).render(), Html.MEDIA_TYPE)
                .build();
    }

    /** A published page of the same slug says it better than the settings' block: that page is the address. */
    private static Response redirect(String slug) {
        return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create(Urls.page(slug))).build();
    }

    private static List<Category> nonEmpty(List<Category> categories) {
        return categories == null ? List.of() : categories.stream().filter(c -> c.articleCount() > 0).toList();
    }

    private static List<Tag> nonEmptyTags(List<Tag> tags) {
        return tags == null ? List.of() : tags.stream().filter(t -> t.articleCount() > 0).toList();
    }
}
