package dev.spaces.commons.migration.bundle;

import java.time.Instant;

/**
 * A comment, trackback or pingback, with its number on the source (old {@code #comment-{id}} anchors keep working
 * where the id is free). A reply names its parent, which comes earlier in the bundle.
 *
 * @param articleId   the {@link ArticleRecord#id()} it belongs to
 * @param memberKey   the {@link MemberRecord} who wrote it, when a registered user did; else a guest with
 *                    {@code authorName}, {@code authorEmail} (kept only for notifications and an avatar hash) and
 *                    {@code authorUrl}
 * @param body        the text as the source stores it, in {@code format}
 */
public record CommentRecord(long id, long articleId, Long parentId, Instant createdAt, String memberKey,
                            String authorName, String authorEmail, String authorUrl, String ip, String userAgent,
                            Type type, Status status, String body, ArticleRecord.Format format)
        implements BundleRecord {

    public enum Type { COMMENT, TRACKBACK, PINGBACK }

    public enum Status { APPROVED, PENDING, SPAM, DELETED }

    @Override
    public String kind() {
        return "comment";
    }
}
