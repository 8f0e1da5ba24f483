package dev.spaces.site.view;

import dev.spaces.site.api.Comment;

import java.util.List;

/**
 * The comments under an article: threads in the chosen order, and the cursor of the next threads; or
 * {@code available = false} when comment-service could not answer (the article shows regardless); and the form to
 * write one ({@link CommentForm}).
 */
public record CommentsView(boolean available, long total, List<Comment> threads, String sort, String nextCursor,
                           boolean signedIn, CommentForm form) {

    public static final List<String> SORTS = List.of("oldest", "newest", "top");

    public static CommentsView unavailable(String sort, boolean signedIn, CommentForm form) {
        return new CommentsView(false, 0, List.of(), sort, null, signedIn, form);
    }

    public static String normalSort(String sort) {
        return sort != null && SORTS.contains(sort) ? sort : "oldest";
    }

    public String sortLabel(String s) {
        return switch (s) {
            case "newest" -> "最新";
            case "top" -> "最赞";
            default -> "最早";
        };
    }

    public List<String> sorts() {
        return SORTS;
    }
}
