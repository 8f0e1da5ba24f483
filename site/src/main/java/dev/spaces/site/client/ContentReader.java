package dev.spaces.site.client;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
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
import dev.spaces.site.config.ClientsConfig;
import dev.spaces.site.config.SiteConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/**
 * What the site reads from content-service, every call guarded. The site settings and the page menu, shown on
 * every page, are kept for {@code spaces.site.settings-ttl} and dropped at once by a {@code site.*} or {@code page.*}
 * event ({@link #forgetSettings()}); everything else is asked each time (content-service answers from its own
 * read cache, and the gateway keeps the finished pages).
 */
@ApplicationScoped
public class ContentReader {

    private final ContentApi api;
    private final GuardedCalls calls;
    private final LoadingCache<String, Object> shared;

    public ContentReader(@RestClient ContentApi api, SiteConfig config, ClientsConfig clients) {
        this.api = api;
        this.calls = new GuardedCalls("content-service", clients.contentReads());
        this.shared = Caffeine.newBuilder().expireAfterWrite(config.settingsTtl()).maximumSize(4)
                .build(key -> switch (key) {
                    case "site" -> calls.call("the site settings", api::site);
                    case "pages" -> calls.call("the page menu", api::pages);
                    default -> throw new IllegalArgumentException(key);
                });
    }

    public SiteSettings site() {
        return (SiteSettings) shared.get("site");
    }

    @SuppressWarnings("unchecked")
    public List<PageLink> menu() {
        return (List<PageLink>) shared.get("pages");
    }

    public void forgetSettings() {
        shared.invalidateAll();
    }

    public Listing<ArticleSummary> articles(int page, int size, String category, String tag, Integer year,
                                            Integer month) {
        return calls.call("an article list", () -> api.articles(page, size, category, tag, year, month));
    }

    // ---- browse
    public Listing<ArticleSummary> seriesArticles(String series, int page, int size) {
        return calls.call("a series' articles", () -> api.seriesArticles(series, page, size));
    }
    // ---- end browse

    public Article article(long id) {
        return calls.call("article " + id, () -> api.article(id));
    }

    public Article articleBySlug(String slug) {
        return calls.call("article " + slug, () -> api.articleBySlug(slug));
    }

    public List<ArticleSummary> related(long id, int limit) {
        return calls.call("related articles", () -> api.related(id, limit));
    }

    public List<ArticleSummary> popular(int days, int limit) {
        return calls.call("popular articles", () -> api.popular(days, limit));
    }

    public String citation(long id, String format) {
        return calls.call("a citation", () -> api.citation(id, format));
    }

    public Article preview(String token) {
        return calls.call("a preview link", () -> api.preview(token));
    }

    public StandalonePage page(String slug) {
        return calls.call("page " + slug, () -> api.page(slug));
    }

    public List<Category> categories() {
        return calls.call("the categories", api::categories);
    }

    public List<Tag> tags() {
        return calls.call("the tags", api::tags);
    }

    public List<Series> seriesList() {
        return calls.call("the series", api::seriesList);
    }

    public Series series(String slug) {
        return calls.call("series " + slug, () -> api.series(slug));
    }

    public List<ArchiveMonth> archive() {
        return calls.call("the archive", api::archive);
    }
}
