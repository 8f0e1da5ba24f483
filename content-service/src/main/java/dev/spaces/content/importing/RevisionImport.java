package dev.spaces.content.importing;

import dev.spaces.commons.migration.bundle.RevisionRecord;
import dev.spaces.content.article.ArticleRevision;
import dev.spaces.content.article.RevisionRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * [mig-export] An exported article's history: its revisions with their numbers, dates and authors. They replace the
 * one revision the import itself wrote ("imported") for an article it created; an article that was already here keeps
 * its own history (the import added its revision for the change), since revisions made here since cannot be merged
 * with the export's by number.
 */
@ApplicationScoped
class RevisionImport {

    private final RevisionRepository revisions;

    RevisionImport(RevisionRepository revisions) {
        this.revisions = revisions;
    }

    /** @param first whether it is the first revision line after its article (the import's own revision goes then) */
    void add(long articleId, RevisionRecord record, boolean first) {
        if (first) {
            revisions.delete("articleId", articleId);
            revisions.flush();
        }
        ArticleRevision revision = new ArticleRevision();
        revision.articleId = articleId;
        revision.number = record.number();
        revision.title = record.title();
        revision.markdown = record.body() == null ? "" : record.body();
        revision.createdAt = record.savedAt();
        revision.authorId = record.authorId();
        revision.authorName = record.authorName();
        revision.note = record.note();
        revisions.persist(revision);
    }
}
