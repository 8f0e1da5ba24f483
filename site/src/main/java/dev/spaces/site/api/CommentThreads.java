package dev.spaces.site.api;

import java.util.List;

/** Top-level comment threads; {@code nextCursor} fetches the next ones. */
public record CommentThreads(List<Comment> items, long total, String nextCursor) {

    public CommentThreads {
        items = items == null ? List.of() : items;
    }
}
