package dev.spaces.site.web;

import dev.spaces.commons.http.PublicCache;
import dev.spaces.site.api.Article;
import dev.spaces.site.api.ArticleSummary;
import dev.spaces.site.api.Series;
import dev.spaces.site.client.CommentReader;
import dev.spaces.site.client.ContentReader;
import dev.spaces.site.config.SiteConfig;
import dev.spaces.site.view.ArticleView;
import dev.spaces.site.view.Chrome;
import dev.spaces.site.view.CitationLine;
import dev.spaces.site.view.CommentForm;
import dev.spaces.site.view.CommentsView;
import dev.spaces.site.api.Comment;
import dev.spaces.site.view.Dates;
import dev.spaces.site.view.Toc;
import dev.spaces.site.view.Urls;
import dev.spaces.site.api.CommentThreads;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * An article at the blog's own address, {@code /archives/{id}}: the whole text with its formulas as MathML (no
 * script needed), table of contents, series box, citation, related and popular articles, and the comments. A slug
 * in place of the id is answered with a permanent redirect to the numbered address. Draft preview links
 * ({@code /preview/{token}}) show a draft the same way, marked as a preview and kept out of search engines.
 */
@Path("/")
public class ArticleResource {

    private final ContentReader content;
    private final CommentReader comments;
    private final Frames frames;
    private final Parallel parallel;
    private final SiteConfig config;

    private final Viewers viewers;

    public ArticleResource(ContentReader content, CommentReader comments, Frames frames, Parallel parallel,
                           SiteConfig config, Viewers viewers) {
        this.viewers = viewers;
        this.content = content;
        this.comments = comments;
        this.frames = frames;
        this.parallel = parallel;
        this.config = config;
    }

    @GET
    @Path("/archives/{key}")
    @PublicCache
    @Produces(Html.TYPE)
    public Response article(@PathParam("key") String key, @QueryParam("sort") String sort,
                            @QueryParam("cursor") String cursor, @QueryParam("replyTo") String replyTo) {
        if (!key.chars().allMatch(Character::isDigit) || key.isEmpty() || key.length() > 18) {
            Article bySlug = content.articleBySlug(key);
            return Response.status(301).location(URI.create(Urls.article(bySlug.id()))).build();
        }
        long id = Long.parseLong(key);
        String page = articlePage(id, sort, cursor, positive(replyTo), UnaryOperator.identity());
        return Response.ok(page, Html.MEDIA_TYPE).build();
    }

    // ---- comments: the article page with the reader's comment form (also drawn again by CommentFormResource)
    /**
     * The article page as {@code viewers.current()} sees it: their own pending comments included (the threads are
     * read with their token) and the form for them; {@code form} adds what a submitted form brought (text kept,
     * preview, errors).
     */
    String articlePage(long id, String sort, String cursor, Long replyTo, UnaryOperator<CommentForm> form) {
        Viewers.Viewer viewer = viewers.current();
        String name = viewer == null ? null : viewer.name();
        String token = viewer == null ? null : viewer.accessToken();
        String order = CommentsView.normalSort(sort);
        CompletableFuture<Chrome> chrome = parallel.start(() -> frames.chrome(Urls.article(id), name));
        CompletableFuture<CommentThreads> threads = parallel.start(() -> comments.threads(id, order, cursor,
                config.commentThreadsPerPage(), token));
        Article article = content.article(id);
        return render(chrome, article, threads, order, false, viewer != null, replyTo, form);
    }

    private static Long positive(String number) {
        if (number == null || number.isEmpty() || number.length() > 18 || !number.chars().allMatch(Character::isDigit)) {
            return null;
        }
        long value = Long.parseLong(number);
        return value > 0 ? value : null;
    }

    /** Who a reply is to: the parent's author as the thread shows them, or "#id" when it is not on this page. */
    private static String parentName(List<Comment> threads, long parentId) {
        for (Comment c : threads) {
            if (c.id() == parentId) {
                return c.author() == null ? "匿名" : c.author().displayName();
            }
            String inReplies = parentName(c.replies(), parentId);
            if (inReplies != null) {
                return inReplies;
            }
        }
        return null;
    }

    @GET
    @Path("/preview/{token}")
    @Produces(Html.TYPE)
    public Response preview(@PathParam("token") String token) {
        CompletableFuture<Chrome> chrome = parallel.start(() -> frames.chrome("/preview/" + token, null)
                .withNoindex());
        Article draft = content.preview(token);
        String page = render(chrome, draft, CompletableFuture.completedFuture(null), "oldest", true, false, null,
                UnaryOperator.identity());
        // the token is the credential: nobody but its holder may keep the page, and it must not leak as a Referer
        return Response.ok(page, Html.MEDIA_TYPE).header("Cache-Control", "private, no-store")
                .header("X-Robots-Tag", "noindex, nofollow").header("Referrer-Policy", "no-referrer").build();
    }

    private String render(CompletableFuture<Chrome> chromeCall, Article article,
                          CompletableFuture<CommentThreads> threadsCall, String order, boolean preview,
                          boolean signedIn, Long replyTo, UnaryOperator<CommentForm> formChange) {
        CompletableFuture<Series> series = article.series() == null ? CompletableFuture.completedFuture(null)
                : parallel.start(() -> content.series(article.series().slug()));
        int limit = config.relatedCount();
        CompletableFuture<List<ArticleSummary>> related = preview ? CompletableFuture.completedFuture(List.of())
                : parallel.start(() -> content.related(article.id(), limit));
        CompletableFuture<List<ArticleSummary>> popular = parallel.start(() ->
                content.popular(config.popularDays(), limit + 1));
        CompletableFuture<String> bibtex = preview ? CompletableFuture.completedFuture(null)
                : parallel.start(() -> content.citation(article.id(), "bibtex"));
        Chrome chrome = Parallel.join(chromeCall);
        Dates dates = frames.dates(chrome);
        CommentThreads threads = preview ? null : Parallel.optional(threadsCall);
        String path = Urls.article(article.id());
        CommentForm form;
        if (!signedIn) {
            form = CommentForm.signedOut(replyTo == null ? path : path + "?replyTo=" + replyTo);
        } else {
            String parent = replyTo == null ? null : threads == null ? null : parentName(threads.items(), replyTo);
            form = CommentForm.empty(path, replyTo, replyTo == null ? null : parent == null ? "#" + replyTo : parent);
        }
        form = formChange.apply(form);
        CommentsView commentsView = threads == null ? CommentsView.unavailable(order, signedIn, form)
                : new CommentsView(true, threads.total(), threads.items(), order, threads.nextCursor(), signedIn,
                form);
        List<ArticleSummary> popularOthers = orEmpty(Parallel.optional(popular)).stream()
                .filter(other -> other.id() != article.id()).limit(limit).toList();
        String citation = chrome.site().license() == null ? "" : CitationLine.fill(
                chrome.site().license().citationTemplate(), Map.of(
                        "title", article.title(),
                        "url", article.url() == null ? chrome.canonical() : article.url(),
                        "author", article.author() == null ? chrome.name() : article.author().name(),
                        "date", dates.day(article.publishedAt()),
                        "site", chrome.name()));
        ArticleView view = new ArticleView(article, Toc.of(article.html()), Parallel.optional(series),
                orEmpty(Parallel.optional(related)), popularOthers, citation, Parallel.optional(bibtex), commentsView,
                preview);
        return Templates.article(chrome, dates, view).render();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

}
