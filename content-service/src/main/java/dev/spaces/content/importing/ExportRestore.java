package dev.spaces.content.importing;

import dev.spaces.commons.migration.SourceNote;
import dev.spaces.commons.migration.bundle.ArticleStateRecord;
import dev.spaces.commons.migration.bundle.MediaItemRecord;
import dev.spaces.commons.migration.bundle.RevisionRecord;
import dev.spaces.commons.migration.bundle.SettingsRecord;
import dev.spaces.commons.migration.bundle.WebhookRecord;
import dev.spaces.content.article.Article;
import dev.spaces.content.importing.api.ImportReport.Outcome;
import dev.spaces.content.page.Page;
import dev.spaces.content.page.PageRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * [mig-export] The records only a Spaces export writes ({@code article-state}, {@code revision}, {@code settings},
 * {@code webhook}, {@code media-item}), which make an import of an export a lossless restore. {@link BundleImporter}
 * stores the articles and pages as for any source and tells a {@link Run} what became of each; the records that follow
 * an article's line apply to it.
 */
@ApplicationScoped
class ExportRestore {

    private final ArticleStateImport states;
    private final RevisionImport revisions;
    private final SettingsImport settings;
    private final WebhookImport webhooks;
    private final MediaImport media;
    private final PageRepository pages;
    private final EntityManager em;

    ExportRestore(ArticleStateImport states, RevisionImport revisions, SettingsImport settings,
                  WebhookImport webhooks, MediaImport media, PageRepository pages, EntityManager em) {
        this.states = states;
        this.revisions = revisions;
        this.settings = settings;
        this.webhooks = webhooks;
        this.media = media;
        this.pages = pages;
        this.em = em;
    }

    Run start(ReportBuilder report) {
        return new Run(report);
    }

    /** One import's part: remembers only the article or page stored last (records about it follow it). */
    final class Run {
        private final ReportBuilder report;
        private String lastKey;
        private Article lastArticle;
        private Page lastPage;
        private boolean lastCreated;
        private long lastSourceId;
        private boolean revisionsStarted;
        private boolean pagesRenumbered;

        private Run(ReportBuilder report) {
            this.report = report;
        }

        /** @param article null when the import left it unchanged (nothing of the export then applies to it) */
        void article(String key, Article article, boolean created) {
            remember(key, created);
            lastArticle = article;
        }

        /** @param importKey the page's import key (how the importer found or made it) */
        void page(String key, String importKey, long sourceId, boolean created, boolean unchanged) {
            remember(key, created);
            lastSourceId = sourceId;
            lastPage = unchanged ? null : pages.find("importKey", importKey).firstResult();
        }

        private void remember(String key, boolean created) {
            lastKey = key;
            lastArticle = null;
            lastPage = null;
            lastCreated = created;
            revisionsStarted = false;
        }

        void state(ArticleStateRecord state) {
            if (!state.articleKey().equals(lastKey)) {
                report.note(SourceNote.warning(state.articleKey(), "its state line does not follow its article: "
                        + "ignored"));
                return;
            }
            if (lastArticle != null) {
                states.article(lastArticle, state);
            } else if (lastPage != null) {
                long id = states.page(lastPage, lastCreated, lastSourceId, state);
                pagesRenumbered |= id == lastSourceId && lastCreated;
                lastPage = em.find(Page.class, id);
            }
        }

        void revision(RevisionRecord revision) {
            if (!revision.articleKey().equals(lastKey) || lastArticle == null) {
                report.count("revisions", Outcome.SKIPPED);
                return;
            }
            if (!lastCreated) {
                // an article that was here keeps its own history (see RevisionImport)
                report.count("revisions", Outcome.SKIPPED);
                return;
            }
            revisions.add(lastArticle.id, revision, !revisionsStarted);
            revisionsStarted = true;
            report.count("revisions", Outcome.CREATED);
        }

        void settings(SettingsRecord record) {
            report.count("settings", settings.restore(record) ? Outcome.UPDATED : Outcome.UNCHANGED);
        }

        void webhook(WebhookRecord record) {
            if (webhooks.restore(record)) {
                report.count("webhooks", Outcome.CREATED);
                report.note(SourceNote.warning("webhook:" + record.id(), "the subscription to " + record.url()
                        + " is inactive: " + WebhookImport.DISABLED_REASON));
            } else {
                report.count("webhooks", Outcome.UNCHANGED);
            }
        }

        void media(MediaItemRecord record) {
            switch (media.restore(record)) {
                case CREATED -> report.count("media-items", Outcome.CREATED);
                case PRESENT -> report.count("media-items", Outcome.UNCHANGED);
                case RENUMBERED -> {
                    report.count("media-items", Outcome.CREATED);
                    report.note(SourceNote.warning("media:" + record.id(), "number " + record.id() + " is taken by "
                            + "another media item here: '" + record.fileName() + "' got a new one, and cover images "
                            + "naming " + record.id() + " show the other item"));
                }
            }
        }

        void finish(boolean dryRun) {
            if (dryRun) {
                return; // sequences are not transactional: a dry run must not move them
            }
            if (report.total("webhooks") > 0) {
                webhooks.finish();
            }
            if (report.total("media-items") > 0) {
                media.finish();
                report.note(SourceNote.warning("media", "the bundle names media files by their keys; copy the "
                        + "media directory or bucket (./spaces backup) for the files themselves"));
            }
            if (pagesRenumbered) {
                em.createNativeQuery("SELECT setval(pg_get_serial_sequence('page', 'id'), "
                        + "(SELECT COALESCE(MAX(id), 0) + 1 FROM page), false)").getSingleResult();
            }
        }
    }
}
