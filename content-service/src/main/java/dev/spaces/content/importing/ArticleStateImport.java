package dev.spaces.content.importing;

import dev.spaces.commons.migration.bundle.ArticleStateRecord;
import dev.spaces.content.article.Article;
import dev.spaces.content.article.ArticleStatus;
import dev.spaces.content.article.CoverImage;
import dev.spaces.content.article.events.ArticleEventType;
import dev.spaces.content.article.events.OutboxWriter;
import dev.spaces.content.page.Page;
import dev.spaces.content.page.PageStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * [mig-export] Restores what a Spaces export says of an article or page beyond its article record
 * ({@link ArticleStateRecord}): the exact status and dates (an archived article, a published one whose formulas no
 * longer parse under this renderer — the record alone would make both drafts), the accounts behind it and its cover
 * images; a page also its number. Applied only to what this import created or changed: an unchanged article keeps
 * what it has here.
 */
@ApplicationScoped
class ArticleStateImport {

    private final OutboxWriter outbox;
    private final EntityManager em;

    ArticleStateImport(OutboxWriter outbox, EntityManager em) {
        this.outbox = outbox;
        this.em = em;
    }

    void article(Article article, ArticleStateRecord state) {
        boolean wasPublic = article.isPublic();
        ArticleStatus status = ArticleStatus.valueOf(state.status());
        article.status = status;
        article.publishedAt = state.publishedAt();
        article.scheduledAt = state.scheduledAt();
        if (state.authorId() != null) {
            article.authorId = state.authorId();
        }
        article.coverImages = new java.util.ArrayList<>(state.covers().stream()
                .map(c -> new CoverImage(c.mediaId(), c.url(), c.caption(), c.alt(), c.width(), c.height(),
                        c.srcset())).toList());
        em.flush();
        if (article.isPublic() && !wasPublic) {
            // the record alone held it back (a formula this renderer rejects): the export says it was public
            outbox.articleEvent(ArticleEventType.PUBLISHED, article);
        }
    }

    /**
     * @param sourceId the page's number on the exporting site, kept when it is free here (a page created by this
     *                 import is referenced by nothing yet, so its key can still change)
     * @return the page's number here
     */
    long page(Page page, boolean created, long sourceId, ArticleStateRecord state) {
        page.status = PageStatus.valueOf(state.status());
        page.publishedAt = state.publishedAt();
        if (state.authorId() != null) {
            page.authorId = state.authorId();
        }
        if (state.updatedBy() != null) {
            page.updatedBy = state.updatedBy();
        }
        em.flush();
        long id = page.id;
        if (created && id != sourceId && em.find(Page.class, sourceId) == null) {
            em.detach(page);
            em.createNativeQuery("UPDATE page SET id = ?1 WHERE id = ?2").setParameter(1, sourceId)
                    .setParameter(2, id).executeUpdate();
            return sourceId;
        }
        return id;
    }
}
