package dev.spaces.content.importing;

import dev.spaces.commons.migration.BundleSink;
import dev.spaces.commons.migration.SiteSource;
import dev.spaces.commons.migration.SourceNote;
import dev.spaces.commons.migration.bundle.ArticleRecord;
import dev.spaces.commons.migration.bundle.ArticleStateRecord;
import dev.spaces.commons.migration.bundle.MediaItemRecord;
import dev.spaces.commons.migration.bundle.RevisionRecord;
import dev.spaces.commons.migration.bundle.SettingsRecord;
import dev.spaces.commons.migration.bundle.WebhookRecord;
import dev.spaces.commons.migration.bundle.BundleHeader;
import dev.spaces.commons.migration.bundle.BundleRecord;
import dev.spaces.commons.migration.bundle.CommentRecord;
import dev.spaces.commons.migration.bundle.MediaRecord;
import dev.spaces.commons.migration.bundle.MemberRecord;
import dev.spaces.commons.migration.bundle.SeriesRecord;
import dev.spaces.commons.migration.bundle.SiteRecord;
import dev.spaces.commons.migration.bundle.TermRecord;
import dev.spaces.commons.security.Caller;
import dev.spaces.commons.validation.Slugs;
import dev.spaces.content.article.Article;
import dev.spaces.content.article.ArticleRepository;
import dev.spaces.content.article.ArticleService;
import dev.spaces.content.article.ArticleStatus;
import dev.spaces.content.article.events.ArticleEventType;
import dev.spaces.content.article.events.OutboxWriter;
import dev.spaces.content.importing.api.ImportReport;
import dev.spaces.content.page.PageService;
import dev.spaces.content.taxonomy.Category;
import dev.spaces.content.taxonomy.Series;
import dev.spaces.content.taxonomy.Tag;
import dev.spaces.content.taxonomy.TaxonomyService;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Stores what a {@link SiteSource} reads — another blog's posts, pages, categories and tags — keeping what its
 * readers' links depend on: an article keeps its number ({@code /archives/{id}} stays {@code /archives/{id}}),
 * its slug, its dates, its status and its read count; a category or tag keeps its slug.
 * <p>
 * One transaction for the whole source: a source that turns out unreadable half-way (a truncated dump) stores
 * nothing. A dry run is the same run rolled back at the end, so its report is exactly what the import would do.
 * Importing the same source again updates what changed (with a revision) and leaves the rest as it is: items are
 * known by the source's key ({@link BundleHeader#sourceKey()} and the record's key).
 * <p>
 * Comments, members and media files are counted and reported; storing them is comment-service's and the media
 * import's part (not yet wired: the report says so for each).
 */
@ApplicationScoped
public class BundleImporter {

    private static final int TIMEOUT_SECONDS = 3600;

    private final ArticleRepository articles;
    private final ArticleService articleService;
    private final PageService pages;
    private final TaxonomyService taxonomy;
    private final OutboxWriter outbox;
    private final EntityManager em;
    private final TransactionManager transactions;
    private final ExportRestore restore; // [mig-export]

    public BundleImporter(ArticleRepository articles, ArticleService articleService, PageService pages,
                          TaxonomyService taxonomy, OutboxWriter outbox, EntityManager em,
                          TransactionManager transactions, ExportRestore restore) {
        this.articles = articles;
        this.articleService = articleService;
        this.pages = pages;
        this.taxonomy = taxonomy;
        this.outbox = outbox;
        this.em = em;
        this.transactions = transactions;
        this.restore = restore;
    }

    /** Progress as it goes: called after each stored item (cheap; the caller decides how often to publish it). */
    public interface Progress {
        void item(String kind, long done);
    }

    @Transactional
    @TransactionConfiguration(timeout = TIMEOUT_SECONDS)
    public ImportReport run(Caller caller, SiteSource source, boolean dryRun, Progress progress) {
        Storing storing = new Storing(caller, progress);
        source.read(storing);
        storing.finish(dryRun);
        if (dryRun) {
            try {
                transactions.setRollbackOnly();
            } catch (jakarta.transaction.SystemException e) {
                throw new IllegalStateException("could not roll the dry run back", e);
            }
        }
        return storing.report.build(dryRun);
    }

    /** The sink that stores each record as it arrives; maps the source's keys to what they became. */
    private final class Storing implements BundleSink {

        private final Caller caller;
        private final Progress progress;
        private final ReportBuilder report = new ReportBuilder();
        private final ExportRestore.Run restored = restore.start(report); // [mig-export]
        private final Map<String, Category> categories = new HashMap<>();
        private final Map<String, Tag> tags = new HashMap<>();
        private final Map<String, Series> series = new HashMap<>();
        private final Map<String, String> memberNames = new HashMap<>();
        private final Set<Series> touchedSeries = new LinkedHashSet<>();
        private String sourceKey = "import";
        private long highestKeptId;

        Storing(Caller caller, Progress progress) {
            this.caller = caller;
            this.progress = progress;
        }

        @Override
        public void note(SourceNote note) {
            report.note(note);
        }

        @Override
        public void accept(BundleRecord record) {
            switch (record) {
                case BundleHeader header -> {
                    sourceKey = header.sourceKey() == null || header.sourceKey().isBlank() ? "import"
                            : header.sourceKey().strip();
                    report.source(header.source());
                }
                case SiteRecord site -> report.count("site", ImportReport.Outcome.SKIPPED);
                case MemberRecord member -> {
                    String name = member.displayName() != null && !member.displayName().isBlank()
                            ? member.displayName().strip() : member.username();
                    memberNames.put(member.key(), name);
                    report.count("members", ImportReport.Outcome.SKIPPED);
                }
                case TermRecord term -> term(term);
                case SeriesRecord s -> {
                    Series stored = taxonomy.importedSeries(slug(s.slug(), s.title(), "series"), s.title());
                    if (stored.description == null && s.description() != null && !s.description().isBlank()) {
                        stored.description = s.description().strip(); // [mig-export] kept, as a category's is
                    }
                    series.put(s.key(), stored);
                    report.count("series", ImportReport.Outcome.CREATED);
                }
                case ArticleRecord article -> {
                    if (article.type() == ArticleRecord.Type.PAGE) {
                        page(article);
                    } else {
                        article(article);
                    }
                }
                case CommentRecord comment -> report.count("comments", ImportReport.Outcome.SKIPPED);
                case MediaRecord media -> report.count("media", ImportReport.Outcome.SKIPPED);
                // [mig-export] what only a Spaces export writes: each kind stored by its own class
                case ArticleStateRecord state -> restored.state(state);
                case RevisionRecord revision -> restored.revision(revision);
                case SettingsRecord settings -> restored.settings(settings);
                case WebhookRecord webhook -> restored.webhook(webhook);
                case MediaItemRecord item -> restored.media(item);
            }
        }

        private void term(TermRecord term) {
            String slug = slug(term.slug(), term.name(), term.type() == TermRecord.Type.CATEGORY ? "category" : "tag");
            if (term.type() == TermRecord.Type.CATEGORY) {
                boolean existed = taxonomy.hasCategory(slug);
                categories.put(term.key(), taxonomy.importedCategory(slug, term.name(), term.description()));
                report.count("categories", existed ? ImportReport.Outcome.UNCHANGED : ImportReport.Outcome.CREATED);
                if (term.parentKey() != null) {
                    // Spaces' categories are one level: the parent stays a category of its own
                    report.note(SourceNote.warning(term.key(), "category '" + term.name() + "' was nested in '"
                            + nameOf(term.parentKey()) + "'; categories here are one level, so it is a category "
                            + "of its own"));
                }
            } else {
                boolean existed = taxonomy.hasTag(slug);
                tags.put(term.key(), taxonomy.importedTag(slug, term.name()));
                report.count("tags", existed ? ImportReport.Outcome.UNCHANGED : ImportReport.Outcome.CREATED);
            }
        }

        private String nameOf(String categoryKey) {
            Category parent = categories.get(categoryKey);
            return parent == null ? categoryKey : parent.name;
        }

        /** The source's slug when it is a valid one; else one made from it (or from the name) and noted. */
        private String slug(String slug, String name, String fallback) {
            if (slug != null && Slugs.isValid(slug)) {
                return slug;
            }
            return Slugs.slugify(slug != null && !slug.isBlank() ? slug : name, fallback);
        }

        private void article(ArticleRecord item) {
            String key = sourceKey + "|" + item.key();
            Article existing = articles.findByImportKey(key).orElse(null);
            if (existing != null && unchanged(existing, item)) {
                restored.article(item.key(), null, false);
                report.count("articles", ImportReport.Outcome.UNCHANGED);
                progress.item("articles", report.total("articles"));
                return;
            }
            Article article = existing != null ? existing : new Article();
            String title = item.title() == null || item.title().isBlank() ? "(untitled " + item.id() + ")"
                    : item.title();
            articleService.applyContent(article, title, body(item));
            article.importKey = key;
            String author = item.authorKey() != null && memberNames.containsKey(item.authorKey())
                    ? memberNames.get(item.authorKey())
                    : item.authorName() != null && !item.authorName().isBlank() ? item.authorName().strip() : "imported";
            article.authorId = "imported:" + author;
            article.authorName = author;
            article.createdAt = item.createdAt() != null ? item.createdAt() : Instant.now();
            article.updatedAt = item.modifiedAt() != null ? item.modifiedAt() : article.createdAt;
            status(article, item);
            if (existing == null) {
                article.reads = item.reads(); // inserted with the row; afterwards only SQL moves it (below)
            }
            article.category = null;
            for (String categoryKey : item.categoryKeys()) {
                Category category = categories.get(categoryKey);
                if (category == null) {
                    report.note(SourceNote.warning(item.key(), "its category " + categoryKey + " is not in the source"));
                } else if (article.category == null) {
                    article.category = category;
                } else {
                    report.note(SourceNote.warning(item.key(), "also in category '" + category.name
                            + "'; an article here has one category, so it is in '" + article.category.name + "'"));
                }
            }
            article.series = item.seriesKey() == null ? null : series.get(item.seriesKey());
            article.seriesPosition = item.seriesPosition();
            if (article.series != null) {
                touchedSeries.add(article.series);
            }
            boolean created = existing == null;
            if (created) {
                article.slug = articleService.freeSlug(slug(item.slug(), title, "article"), null);
                if (item.slug() != null && !article.slug.equals(item.slug())) {
                    report.note(SourceNote.warning(item.key(), "slug '" + item.slug() + "' became '" + article.slug
                            + "' (invalid or taken here)"));
                }
                articles.persist(article);
                articles.flush();
                article = keepNumber(article, item);
            }
            article.tags.clear();
            for (String tagKey : item.tagKeys()) {
                Tag tag = tags.get(tagKey);
                if (tag != null) {
                    article.tags.add(tag);
                }
            }
            articles.flush();
            if (!created && item.reads() > article.reads) {
                // the read counter is not updatable through the entity (the buffered counter's SQL owns it), and a
                // re-import never lowers it: readers kept reading here since the first import
                em.createNativeQuery("UPDATE article SET reads = GREATEST(reads, ?1) WHERE id = ?2")
                        .setParameter(1, item.reads()).setParameter(2, article.id).executeUpdate();
            }
            articleService.addRevision(article, caller.authenticated() ? caller : Caller.SYSTEM, "imported");
            if (article.isPublic()) {
                outbox.articleEvent(created ? ArticleEventType.PUBLISHED : ArticleEventType.UPDATED, article);
            }
            restored.article(item.key(), article, created);
            report.count("articles", created ? ImportReport.Outcome.CREATED : ImportReport.Outcome.UPDATED);
            progress.item("articles", report.total("articles"));
        }

        /**
         * Gives a new article the number it had on the source, when no other article has it: the row was inserted
         * with a generated id (IDENTITY) and nothing references it yet, so its key can still change.
         */
        private Article keepNumber(Article article, ArticleRecord item) {
            long generated = article.id;
            if (generated == item.id()) {
                highestKeptId = Math.max(highestKeptId, item.id());
                return article;
            }
            if (articles.findByIdOptional(item.id()).isPresent()) {
                report.note(SourceNote.warning(item.key(), "number " + item.id() + " is taken by another article "
                        + "here, so it is article " + generated + " (its old link /archives/" + item.id()
                        + " leads elsewhere)"));
                return article;
            }
            em.detach(article);
            em.createNativeQuery("UPDATE article SET id = ?1 WHERE id = ?2")
                    .setParameter(1, item.id()).setParameter(2, generated).executeUpdate();
            highestKeptId = Math.max(highestKeptId, item.id());
            return articles.findById(item.id());
        }

        private void status(Article article, ArticleRecord item) {
            ArticleRecord.Status status = item.status();
            boolean broken = !article.diagnostics.isEmpty();
            article.scheduledAt = null;
            if (status == ArticleRecord.Status.PUBLISHED && !broken) {
                article.status = ArticleStatus.PUBLISHED;
                article.publishedAt = item.publishedAt() != null ? item.publishedAt() : article.createdAt;
                return;
            }
            if (status == ArticleRecord.Status.SCHEDULED && !broken) {
                article.status = ArticleStatus.SCHEDULED;
                article.scheduledAt = item.publishedAt();
                article.publishedAt = null;
                return;
            }
            article.status = ArticleStatus.DRAFT;
            article.publishedAt = null;
            if (broken && (status == ArticleRecord.Status.PUBLISHED || status == ArticleRecord.Status.SCHEDULED)) {
                report.note(SourceNote.warning(item.key(), article.diagnostics.size() + " formula(s) do not parse ("
                        + article.diagnostics.getFirst().message() + "): imported as a draft to fix in Studio"));
            } else if (status == ArticleRecord.Status.PRIVATE || status == ArticleRecord.Status.PENDING) {
                report.note(SourceNote.warning(item.key(), "it was " + status.name().toLowerCase()
                        + " on the source: imported as a draft"));
            }
        }

        private boolean unchanged(Article a, ArticleRecord item) {
            String body = body(item);
            return Objects.equals(a.title, item.title() == null ? null : item.title().strip())
                    && a.markdown.equals(body)
                    && Objects.equals(a.updatedAt, item.modifiedAt() != null ? item.modifiedAt() : a.updatedAt)
                    && a.reads >= item.reads();
        }

        /** The text as this site stores it: an HTML body's formulas with their HTML escapes undone (see MathInHtml). */
        private String body(ArticleRecord item) {
            String body = item.body() == null ? "" : item.body();
            return item.format() == ArticleRecord.Format.HTML ? MathInHtml.unescape(body) : body;
        }

        private void page(ArticleRecord item) {
            String key = sourceKey + "|" + item.key();
            String slug = slug(item.slug(), item.title(), "page");
            PageService.ImportOutcome outcome = pages.importPage(caller, key, slug,
                    item.title() == null || item.title().isBlank() ? slug : item.title(),
                    body(item), item.status() == ArticleRecord.Status.PUBLISHED,
                    item.menuOrder(), item.createdAt(), item.publishedAt(), item.modifiedAt());
            restored.page(item.key(), key, item.id(), outcome.change() == PageService.ImportOutcome.Change.CREATED,
                    outcome.change() == PageService.ImportOutcome.Change.UNCHANGED);
            if (outcome.heldAsDraft()) {
                report.note(SourceNote.warning(item.key(), "formulas of page '" + slug + "' do not parse: imported "
                        + "as a draft"));
            }
            report.count("pages", switch (outcome.change()) {
                case CREATED -> ImportReport.Outcome.CREATED;
                case UPDATED -> ImportReport.Outcome.UPDATED;
                case UNCHANGED -> ImportReport.Outcome.UNCHANGED;
            });
        }

        void finish(boolean dryRun) {
            // (a sequence is not transactional: a dry run, rolled back, must not move it)
            if (highestKeptId > 0 && !dryRun) {
                // new articles written here get numbers above the highest imported one
                em.createNativeQuery("SELECT setval(pg_get_serial_sequence('article', 'id'), "
                        + "GREATEST((SELECT MAX(id) FROM article), ?1))").setParameter(1, highestKeptId)
                        .getSingleResult();
            }
            touchedSeries.forEach(s -> SeriesNumbering.number(articles, s));
            restored.finish(dryRun);
            if (report.total("comments") > 0) {
                report.note(SourceNote.skipped("comments", report.total("comments") + " comments are not imported "
                        + "yet: comment-service's import is the next step of this importer"));
            }
            if (report.total("members") > 0) {
                report.note(SourceNote.skipped("members", report.total("members") + " users are not created as "
                        + "members yet; their names stay on the articles they wrote"));
            }
            if (report.total("media") > 0) {
                report.note(SourceNote.skipped("media", report.total("media") + " attachments are not fetched yet; "
                        + "articles keep their links to the old addresses"));
            }
        }
    }
}
