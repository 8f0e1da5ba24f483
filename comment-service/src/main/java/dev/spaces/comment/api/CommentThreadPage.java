package dev.spaces.comment.api;

import dev.spaces.commons.markdown.MathForms;
import java.util.List;

/** Top-level threads with their replies; {@code nextCursor} fetches the next threads (absent at the end). */
public record CommentThreadPage(List<CommentResponse> items, long total, String nextCursor) {

    /** These threads with their HTML in the given form. */
    public CommentThreadPage inForm(MathForms form) {
        return form == MathForms.MATHML ? this
                : new CommentThreadPage(items.stream().map(comment -> comment.inForm(form)).toList(), total, nextCursor);
    }
}
