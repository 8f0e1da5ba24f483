package dev.spaces.comment.api;

import java.util.List;

/** Top-level threads with their replies; {@code nextCursor} fetches the next threads (absent at the end). */
public record CommentThreadPage(List<CommentResponse> items, long total, String nextCursor) {
}
