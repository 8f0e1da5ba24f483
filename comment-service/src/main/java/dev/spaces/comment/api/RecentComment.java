package dev.spaces.comment.api;

import java.time.Instant;

public record RecentComment(long id, long articleId, String articleTitle, String author, String excerpt,
                            Instant createdAt) {
}
