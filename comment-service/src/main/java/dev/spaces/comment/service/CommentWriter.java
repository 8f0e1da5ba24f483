package dev.spaces.comment.service;

import dev.spaces.comment.client.PublishedArticle;
import dev.spaces.comment.config.CommentConfig;
import dev.spaces.comment.domain.Comment;
import dev.spaces.comment.domain.CommentStatus;
import dev.spaces.comment.domain.Member;
import dev.spaces.comment.repository.CommentRepository;
import dev.spaces.comment.rest.dto.CommentCreateRequest;
import dev.spaces.commons.markdown.RenderedDocument;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.security.Caller;
import dev.spaces.commons.text.Digests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The transactional half of posting: {@link CommentService#post} validates and renders the body first, so a
 * database connection is only held for the few statements here (member, reply target, duplicate and trust checks,
 * the insert and its outbox events), never while KaTeX or content-service is busy.
 */
@ApplicationScoped
public class CommentWriter {

    private final CommentRepository comments;
    private final MemberService members;
    private final CommentEvents events;
    private final CommentMapper mapper;
    private final CommentConfig config;

    public CommentWriter(CommentRepository comments, MemberService members, CommentEvents events,
                         CommentMapper mapper, CommentConfig config) {
        this.comments = comments;
        this.members = members;
        this.events = events;
        this.mapper = mapper;
        this.config = config;
    }

    /** A rendered comment as it was submitted; {@code guestName} is the checked name when there is no member. */
    public record Draft(long articleId, CommentCreateRequest request, String guestName, RenderedDocument doc,
                        Optional<String> hold, String networkKey) {
    }

    @Transactional
    public CommentService.Posted insert(Caller caller, PublishedArticle article, Draft draft) {
        Member member = caller.authenticated() ? members.current(caller) : null;
        CommentCreateRequest request = draft.request();
        Comment parent = request.parentId() == null ? null
                : replyTarget(draft.articleId(), request.parentId(), member, caller);

        String hash = Digests.sha256Hex(request.body().strip(), 32);
        Instant now = Instant.now();
        if (member != null && comments.recentDuplicate(member, hash, now.minus(config.duplicateWindow()))) {
            throw ProblemException.conflict("You posted the same comment a moment ago");
        }

        Comment c = new Comment();
        c.articleId = draft.articleId();
        c.parentId = parent == null ? null : parent.id;
        c.depth = parent == null ? 1 : parent.depth + 1;
        c.member = member;
        c.guestName = draft.guestName();
        c.guestEmail = member == null ? request.guestEmail() : null;
        apply(c, request.body(), draft.doc(), hash);
        c.clientNetwork = draft.networkKey();
        c.createdAt = now;
        c.status = initialStatus(member, caller, draft.hold());
        c.holdReason = c.status == CommentStatus.PENDING
                ? draft.hold().orElse(member == null ? "guest comment" : "first comments are reviewed") : null;
        comments.persist(c);
        // the id is assigned at persist, so the one INSERT (at the events' flush) carries the thread too
        c.threadId = parent == null ? c.id : parent.threadId;
        events.created(c);
        if (c.isApproved()) {
            events.approved(c);
        }
        return new CommentService.Posted(mapper.toResponse(c, article.authorSubject(),
                member == null ? null : false, null, List.of()), true);
    }

    static void apply(Comment c, String body, RenderedDocument doc, String hash) {
        c.bodySource = body;
        c.bodyHtml = doc.html();
        c.bodyText = doc.plainText();
        c.formulas = new ArrayList<>(doc.formulas());
        c.rendererVersion = CommentRenderer.VERSION;
        c.bodyHash = hash;
    }

    private Comment replyTarget(long articleId, long parentId, Member member, Caller caller) {
        Comment parent = comments.findByIdOptional(parentId).orElse(null);
        boolean visible = parent != null && (parent.isApproved() || caller.isModerator()
                || (member != null && parent.member != null && parent.member.id.equals(member.id)));
        if (!visible || parent.articleId != articleId || parent.deleted) {
            throw ProblemException.invalidField("parentId", "must be a comment on the same article that is not deleted");
        }
        return parent;
    }

    /** Members become trusted after some approved comments; the check reads at most that many rows. */
    private CommentStatus initialStatus(Member member, Caller caller, Optional<String> hold) {
        if (member == null || hold.isPresent()) {
            return CommentStatus.PENDING;
        }
        if (caller.isModerator() || comments.hasApproved(member, config.trustedAfterApproved())) {
            return CommentStatus.APPROVED;
        }
        return CommentStatus.PENDING;
    }
}
