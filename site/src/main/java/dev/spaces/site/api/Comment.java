package dev.spaces.site.api;

import java.time.Instant;
import java.util.List;

/** A comment with its replies (comment-service nests them to depth 3; deeper ones name {@code replyTo}). */
public record Comment(long id, long articleId, Long parentId, ReplyTo replyTo, CommentAuthor author, String bodyHtml,
                      Instant createdAt, Instant editedAt, int votes, boolean pinned, boolean deleted, String status,
                      List<Comment> replies) {

    public Comment {
        replies = replies == null ? List.of() : replies;
    }

    /** Shown only to its author until a moderator approves it. */
    public boolean pending() {
        return "pending".equals(status);
    }

    public record ReplyTo(long id, String displayName) {
    }

    public record CommentAuthor(Long id, String displayName, List<String> badges) {
    }
}
