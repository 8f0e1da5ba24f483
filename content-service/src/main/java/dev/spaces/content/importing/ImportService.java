package dev.spaces.content.importing;

import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.security.Caller;
import dev.spaces.commons.validation.Slugs;
import dev.spaces.content.article.Article;
import dev.spaces.content.article.ArticleRepository;
import dev.spaces.content.article.ArticleService;
import dev.spaces.content.article.ArticleStatus;
import dev.spaces.content.article.CoverImage;
import dev.spaces.content.article.events.ArticleEventType;
import dev.spaces.content.article.events.OutboxWriter;
import dev.spaces.content.common.ContentConfig;
import dev.spaces.content.importing.api.ImportArticle;
import dev.spaces.content.importing.api.ImportResult;
import dev.spaces.content.taxonomy.Series;
import dev.spaces.content.taxonomy.TaxonomyService;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Imports bundles of articles (the seed fixture's format). Idempotent: an article is identified by its
 * {@code key} (or title), so importing the same bundle twice creates nothing new.
 */
@ApplicationScoped
public class ImportService {

    private static final int IMPORT_TIMEOUT_SECONDS = 1800;

    private final ArticleRepository articles;
    private final ArticleService articleService;
    private final TaxonomyService taxonomy;
    private final OutboxWriter outbox;
    private final ContentConfig config;

    public ImportService(ArticleRepository articles, ArticleService articleService,
                         TaxonomyService taxonomy, OutboxWriter outbox, ContentConfig config) {
        this.articles = articles;
        this.articleService = articleService;
        this.taxonomy = taxonomy;
        this.outbox = outbox;
        this.config = config;
    }

    // A bundle is all-or-nothing, and rendering validates every formula with KaTeX inside the transaction: a
    // 5,000-article bundle (the API's limit) takes minutes on a small machine, far past the default 60 s.
    @Transactional
    @TransactionConfiguration(timeout = IMPORT_TIMEOUT_SECONDS)
    public ImportResult importBundle(Caller caller, List<ImportArticle> bundle) {
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Importing needs the admin role");
        }
        return importInTransaction(caller, bundle);
    }

    /** Import without a permission check, for the bundled sample content. */
    @Transactional
    @TransactionConfiguration(timeout = IMPORT_TIMEOUT_SECONDS)
    public ImportResult importAs(Caller caller, List<ImportArticle> bundle) {
        return importInTransaction(caller, bundle);
    }

    // ArC intercepts self-calls too: both entry points share this body rather than one calling the other, which
    // would nest the transactional interceptor (and a nested @TransactionConfiguration is refused).
    private ImportResult importInTransaction(Caller caller, List<ImportArticle> bundle) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<Long> ids = new ArrayList<>();
        Set<Series> touchedSeries = new LinkedHashSet<>();
        Set<String> keysInBundle = new HashSet<>();
        for (ImportArticle item : bundle) {
            String key = item.key() != null ? item.key() : "title:" + item.title().strip();
            if (!keysInBundle.add(key)) {
                throw ProblemException.invalidField("articles", "the bundle contains '" + key + "' twice");
            }
            Article existing = articles.findByImportKey(key).orElse(null);
            Article article = existing != null ? existing : new Article();
            if (existing != null && sameContent(existing, item)) {
                unchanged++;
                ids.add(existing.id);
                if (existing.series != null) {
                    touchedSeries.add(existing.series);
                }
                continue;
            }
            apply(article, item, key);
            if (existing == null) {
                article.reads = item.reads() == null ? 0 : item.reads();
                articles.persist(article);
                created++;
            } else {
                updated++;
            }
            articles.flush();
            articleService.addRevision(article, caller.authenticated() ? caller : Caller.SYSTEM, "imported");
            if (article.isPublic()) {
                outbox.articleEvent(existing == null ? ArticleEventType.PUBLISHED : ArticleEventType.UPDATED, article);
            }
            if (article.series != null) {
                touchedSeries.add(article.series);
            }
            ids.add(article.id);
        }
        touchedSeries.forEach(s -> SeriesNumbering.number(articles, s));
        return new ImportResult(created, updated, unchanged, ids);
    }

    private void apply(Article article, ImportArticle item, String key) {
        String markdown = item.markdown() != null ? item.markdown() : item.excerptMarkdown();
        articleService.applyContent(article, item.title(), markdown);
        Instant now = Instant.now();
        article.importKey = key;
        if (article.slug == null) {
            String base = item.slug() != null ? item.slug() : Slugs.slugify(item.title(), "article");
            article.slug = articleService.freeSlug(base, article.id);
        }
        String author = item.author() == null ? config.siteName() : item.author().strip();
        article.authorId = "imported:" + author;
        article.authorName = author;
        article.createdAt = article.createdAt == null ? now : article.createdAt;
        article.updatedAt = now;
        if (item.publishedOn() != null) {
            article.status = ArticleStatus.PUBLISHED;
            article.publishedAt = item.publishedOn().atStartOfDay(config.timeZone()).toInstant();
        } else {
            article.status = ArticleStatus.DRAFT;
            article.publishedAt = null;
        }
        article.category = item.category() == null ? null : taxonomy.categoryNamed(item.category());
        article.tags.clear();
        if (item.tags() != null) {
            article.tags.addAll(taxonomy.tagsNamed(item.tags()));
        }
        article.series = item.series() == null ? null : taxonomy.seriesTitled(item.series());
        article.seriesPosition = item.seriesPosition();
        article.coverImages = new ArrayList<>(item.images() == null ? List.of()
                : item.images().stream().map(i -> CoverImage.ofUrl(i.url(), i.caption(), null)).toList());
        article.commentCount = item.comments();
    }

    private boolean sameContent(Article a, ImportArticle item) {
        String markdown = item.markdown() != null ? item.markdown() : item.excerptMarkdown();
        Instant publishedAt = item.publishedOn() == null ? null
                : item.publishedOn().atStartOfDay(config.timeZone()).toInstant();
        return a.title.equals(item.title().strip()) && a.markdown.equals(markdown)
                && Objects.equals(a.publishedAt, publishedAt)
                && Objects.equals(a.category == null ? null : a.category.name, item.category())
                && Objects.equals(a.series == null ? null : a.series.title, item.series())
                && Objects.equals(a.tags.stream().map(t -> t.name).sorted().toList(),
                item.tags() == null ? List.of() : item.tags().stream().map(String::strip).sorted().toList());
    }
}
