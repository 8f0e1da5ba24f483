package dev.spaces.site.web;

import dev.spaces.commons.http.PublicCache;
import dev.spaces.site.api.ArticleSummary;
import dev.spaces.site.api.Listing;
import dev.spaces.site.client.CommentReader;
import dev.spaces.site.client.ContentReader;
import dev.spaces.site.config.SiteConfig;
import dev.spaces.site.view.Chrome;
import dev.spaces.site.view.Pager;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The home page: the newest articles with their excerpts (up to {@code <!--more-->}), paged. */
@Path("/")
public class HomeResource {

    private final ContentReader content;
    private final CommentReader comments;
    private final Frames frames;
    private final Parallel parallel;
    private final SiteConfig config;
    private final Viewers viewers; // ---- comments: the header names the signed-in reader

    public HomeResource(ContentReader content, CommentReader comments, Frames frames, Parallel parallel,
                        SiteConfig config, Viewers viewers) {
        this.viewers = viewers;
        this.content = content;
        this.comments = comments;
        this.frames = frames;
        this.parallel = parallel;
        this.config = config;
    }

    @GET
    @PublicCache
    @Produces(Html.TYPE)
    public String home(@QueryParam("page") @DefaultValue("1") int page) {
        int p = Math.max(1, page);
        String viewer = viewers.name(); // on the request's thread: the identity belongs to the request
        CompletableFuture<Chrome> chrome = parallel.start(() -> frames.chrome(p == 1 ? "/" : "/?page=" + p, viewer));
        Listing<ArticleSummary> articles = content.articles(p, config.pageSize(), null, null, null, null);
        if (p > 1 && articles.items().isEmpty()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        Map<Long, Long> counts = Lists.commentCounts(comments, articles.items());
        Chrome frame = Parallel.join(chrome);
        return Templates.home(frame, frames.dates(frame), articles, counts,
                new Pager("/", p, articles.totalPages())).render();
    }
}
