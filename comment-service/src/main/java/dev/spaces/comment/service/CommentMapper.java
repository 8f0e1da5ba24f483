package dev.spaces.comment.service;

import dev.spaces.comment.domain.Comment;
import dev.spaces.comment.domain.CommentStatus;
import dev.spaces.comment.domain.Member;
import dev.spaces.comment.api.CommentResponse;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

/** Comment entities to responses; deleted comments keep their place but lose their body. */
@ApplicationScoped
public class CommentMapper {

    public CommentResponse toResponse(Comment c, String articleAuthorSubject, Boolean voted,
                                      CommentResponse.ReplyTo replyTo, List<CommentResponse> replies) {
        boolean hidden = c.deleted;
        return new CommentResponse(c.id, c.articleId, c.parentId, replyTo, author(c, articleAuthorSubject),
                hidden ? null : c.bodyHtml, hidden ? List.of() : c.formulas, c.createdAt, c.editedAt, c.votes, voted,
                c.pinned, c.deleted, c.status == CommentStatus.APPROVED ? null : c.status.name().toLowerCase(),
                c.status == CommentStatus.APPROVED ? null : c.holdReason, replies);
    }

    public static String displayName(Comment c) {
        if (c.member == null) {
            return c.guestName;
        }
        return c.member.deleted() ? DisplayNames.DELETED_MEMBER : c.member.displayName;
    }

    private static CommentResponse.CommentAuthor author(Comment c, String articleAuthorSubject) {
        Member m = c.member;
        if (m == null) {
            return new CommentResponse.CommentAuthor(null, c.guestName, List.of("guest"));
        }
        if (m.deleted()) {
            return new CommentResponse.CommentAuthor(null, DisplayNames.DELETED_MEMBER, List.of());
        }
        List<String> badges = new ArrayList<>();
        if (articleAuthorSubject != null && articleAuthorSubject.equals(m.subject)) {
            badges.add("author");
        }
        if (m.moderator) {
            badges.add("moderator");
        }
        return new CommentResponse.CommentAuthor(m.id, m.displayName, badges);
    }
}
