package dev.spaces.commons.migration.bundle;

import java.time.Instant;
import java.util.List;

/**
 * A post or a standalone page (About, FAQ…), with the number it had on the source: {@code /archives/{id}} stays
 * {@code /archives/{id}}.
 *
 * @param id             the source's number (Typecho's cid, WordPress's post ID); a page's too, for its old links
 * @param key            identifies it across imports, e.g. {@code post:42}
 * @param body           the text as the source stores it, in {@code format} (Typecho's {@code <!--markdown-->}
 *                       prefix removed; HTML when the post was written in the rich-text editor)
 * @param createdAt      when it was written; {@code publishedAt} when it went public (null for a draft)
 * @param authorKey      the {@link MemberRecord} who wrote it, if any; {@code authorName} the name shown
 * @param categoryKeys   its categories in the source's order (Spaces keeps one category per article: the first;
 *                       the importer notes the others)
 * @param reads          the source's view counter, when it has one
 * @param commentsOpen   whether new comments are accepted
 * @param revisions      earlier versions of the text, oldest first (a Spaces export; other sources give none)
 * @param parentId       (WXR) the page it sits under, by {@link #id()}: WordPress nests pages (About → About/Team);
 *                       it may name an article that comes later in the bundle (WXR lists items by id and a page may be
 *                       moved under a newer one), so the importer links parents once all articles are stored
 * @param excerpt        (WXR) the hand-written summary, as the source stores it (HTML); null when there is none
 */
public record ArticleRecord(long id, String key, Type type, String slug, String title, String body, Format format,
                            Status status, Instant createdAt, Instant modifiedAt, Instant publishedAt,
                            String authorKey, String authorName, List<String> categoryKeys, List<String> tagKeys,
                            String seriesKey, Integer seriesPosition, long reads, boolean commentsOpen,
                            Integer menuOrder, List<Revision> revisions, Long parentId, String excerpt)
        implements BundleRecord {

    public enum Type { POST, PAGE }

    /** How {@code body} is written. */
    public enum Format { MARKDOWN, HTML }

    /**
     * Where the article stands. Sources' statuses map to these: Typecho publish → PUBLISHED, draft → DRAFT,
     * hidden/private → PRIVATE (kept out of lists; imported as drafts unless Spaces gains such a state), waiting →
     * PENDING (awaiting review: a draft); a publication date in the future → SCHEDULED.
     */
    public enum Status { PUBLISHED, SCHEDULED, DRAFT, PENDING, PRIVATE }

    /** An earlier version of an article's text. */
    public record Revision(Instant savedAt, String title, String body, String note) {
    }

    public ArticleRecord {
        categoryKeys = categoryKeys == null ? List.of() : List.copyOf(categoryKeys);
        tagKeys = tagKeys == null ? List.of() : List.copyOf(tagKeys);
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
    }

    // [wxr] parentId and excerpt were added for WordPress (nested pages, excerpts); this constructor keeps the
    // sources written before them compiling: no parent, no excerpt
    public ArticleRecord(long id, String key, Type type, String slug, String title, String body, Format format,
                         Status status, Instant createdAt, Instant modifiedAt, Instant publishedAt,
                         String authorKey, String authorName, List<String> categoryKeys, List<String> tagKeys,
                         String seriesKey, Integer seriesPosition, long reads, boolean commentsOpen,
                         Integer menuOrder, List<Revision> revisions) {
        this(id, key, type, slug, title, body, format, status, createdAt, modifiedAt, publishedAt, authorKey,
                authorName, categoryKeys, tagKeys, seriesKey, seriesPosition, reads, commentsOpen, menuOrder, revisions,
                null, null);
    }

    @Override
    public String kind() {
        return type == Type.PAGE ? "page" : "article";
    }
}
