package dev.spaces.comment.rest.dto;

import java.time.Instant;

/** A body a comment had before an edit. */
public record CommentEditResponse(String body, Instant replacedAt) {
}
