package dev.spaces.comment.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.spaces.commons.markdown.MathForms;
import dev.spaces.commons.markdown.MathFormula;

import java.time.Instant;
import java.util.List;

/**
 * A comment in a thread. Replies nest to depth 3; deeper ones sit under their depth-3 ancestor with
 * {@code replyTo} naming the comment they answer. {@code status} appears only when not approved (the author's
 * own pending comment, or the moderation queue); {@code reports} only in the moderators' Reported queue.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommentResponse(long id, long articleId, Long parentId, ReplyTo replyTo, CommentAuthor author,
                              String bodyHtml, List<MathFormula> formulas, Instant createdAt, Instant editedAt,
                              int votes, Boolean voted, boolean pinned, boolean deleted, String status,
                              String holdReason, List<CommentResponse> replies, ReportSummary reports) {

    public CommentResponse(long id, long articleId, Long parentId, ReplyTo replyTo, CommentAuthor author,
                           String bodyHtml, List<MathFormula> formulas, Instant createdAt, Instant editedAt,
                           int votes, Boolean voted, boolean pinned, boolean deleted, String status,
                           String holdReason, List<CommentResponse> replies) {
        this(id, articleId, parentId, replyTo, author, bodyHtml, formulas, createdAt, editedAt, votes, voted, pinned,
                deleted, status, holdReason, replies, null);
    }

    /** The same comment with its open reports (the moderators' Reported queue). */
    public CommentResponse withReports(ReportSummary summary) {
        return new CommentResponse(id, articleId, parentId, replyTo, author, bodyHtml, formulas, createdAt, editedAt,
                votes, voted, pinned, deleted, status, holdReason, replies, summary);
    }

    /** This comment and its replies with their HTML in the given form (stored HTML is in the MathML form). */
    public CommentResponse inForm(MathForms form) {
        return form == MathForms.MATHML ? this : new CommentResponse(id, articleId, parentId, replyTo, author,
                form.apply(bodyHtml), formulas, createdAt, editedAt, votes, voted, pinned, deleted, status, holdReason,
                replies == null ? null : replies.stream().map(reply -> reply.inForm(form)).toList(), reports);
    }

    public record ReplyTo(long id, String displayName) {
    }

    public record CommentAuthor(Long id, String displayName, List<String> badges) {
    }
}
