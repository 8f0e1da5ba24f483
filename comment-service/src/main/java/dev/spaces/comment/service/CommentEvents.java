package dev.spaces.comment.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.comment.domain.Comment;
import dev.spaces.comment.domain.Member;
import dev.spaces.comment.repository.CommentRepository;
import dev.spaces.commons.outbox.OutboxAppender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Comment and member events, written to the outbox in the caller's transaction (schema version 1).
 * {@code comment.replied} is only written once a reply is approved, so nobody is notified of spam. Votes send none:
 * they change a count, and one event per click would flood subscribers.
 */
@ApplicationScoped
public class CommentEvents {

    public record CommentPayload(int schemaVersion, long id, long articleId, Long parentId, Long authorMemberId,
                                 String status, Instant createdAt, Long parentAuthorMemberId) {
    }

    public record MemberPayload(int schemaVersion, long id, String displayName, Instant joinedAt) {
    }

    private final CommentRepository comments;
    private final ObjectMapper json;

    public CommentEvents(CommentRepository comments, ObjectMapper json) {
        this.comments = comments;
        this.json = json;
    }

    /**
     * A new comment's events — created, and when it is approved at once also approved (and replied) — in one
     * INSERT. The comment is already stored (see {@code CommentRepository#insertNew}), so nothing needs flushing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void posted(Comment c) {
        List<OutboxAppender.Event> events = new ArrayList<>(3);
        events.add(event("comment.created", c, null));
        if (c.isApproved()) {
            approval(c, events);
        }
        OutboxAppender.appendAll(comments.getEntityManager(), json, events);
    }

    /** Approval, plus the reply notification when the parent has another member as author. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void approved(Comment c) {
        comments.flush();
        List<OutboxAppender.Event> events = new ArrayList<>(2);
        approval(c, events);
        OutboxAppender.appendAll(comments.getEntityManager(), json, events);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deleted(Comment c) {
        single("comment.deleted", c);
    }

    /** The author edited the body, or a moderator pinned or unpinned it: readers' copies of the thread are stale. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void updated(Comment c) {
        single("comment.updated", c);
    }

    /** A moderator rejected the comment or marked it as spam (its status says which); a visible one disappears. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rejected(Comment c) {
        single("comment.rejected", c);
    }

    private void single(String type, Comment c) {
        comments.flush();
        OutboxAppender.appendAll(comments.getEntityManager(), json, List.of(event(type, c, null)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void memberCreated(Member m) {
        OutboxAppender.append(comments.getEntityManager(), json, "member.created", "member", m.id, m.version,
                new MemberPayload(1, m.id, m.displayName, m.joinedAt));
    }

    private void approval(Comment c, List<OutboxAppender.Event> events) {
        events.add(event("comment.approved", c, null));
        if (c.parentId != null) {
            Comment parent = comments.findById(c.parentId);
            Member parentAuthor = parent == null ? null : parent.member;
            if (parentAuthor != null && !parentAuthor.deleted() && (c.member == null || !parentAuthor.id.equals(c.member.id))) {
                events.add(event("comment.replied", c, parentAuthor.id));
            }
        }
    }

    private static OutboxAppender.Event event(String type, Comment c, Long parentAuthorMemberId) {
        return new OutboxAppender.Event(type, "comment", c.id, c.version,
                new CommentPayload(1, c.id, c.articleId, c.parentId, c.member == null ? null : c.member.id,
                        c.status.name().toLowerCase(), c.createdAt, parentAuthorMemberId));
    }
}
