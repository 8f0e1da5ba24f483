package dev.spaces.comment.api;

import java.time.Instant;

/** A body a comment had before an edit. */
public record CommentEditResponse(String body, Instant replacedAt) {
}
