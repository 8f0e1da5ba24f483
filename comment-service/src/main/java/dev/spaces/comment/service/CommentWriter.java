package dev.spaces.comment.service;

import dev.spaces.comment.client.PublishedArticle;
import dev.spaces.comment.config.CommentConfig;
import dev.spaces.comment.domain.Comment;
import dev.spaces.comment.domain.CommentStatus;
import dev.spaces.comment.domain.Member;
import dev.spaces.comment.repository.CommentRepository;
import dev.spaces.comment.api.CommentCreateRequest;
import dev.spaces.commons.markdown.RenderedDocument;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.security.Caller;
import dev.spaces.commons.text.Digests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The transactional half of posting: {@link CommentService#post} validates and renders the body first, so a
 * database connection is only held for the few statements here (member with its duplicate and trust checks, reply
 * target, the insert and its outbox events), never while KaTeX or content-service is busy. Posting is the hot
 * write path, so the comment is written with plain SQL rather than through the persistence context.
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

    /**
     * Four statements for a member's top-level comment: the member with the duplicate and trust checks, the INSERT,
     * the events' INSERT and the commit. A new member (or one whose moderator role changed) goes through
     * {@link MemberService#current} first.
     */
    @Transactional
    public CommentService.Posted insert(Caller caller, PublishedArticle article, Draft draft) {
        CommentCreateRequest request = draft.request();
        String hash = Digests.sha256Hex(request.body().strip(), 32);
        // what PostgreSQL keeps, so the answer and the events carry the stored time
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        CommentRepository.PostingMember poster = caller.authenticated() ? poster(caller, hash, now) : null;
        Member member = poster == null ? null : author(poster, caller);
        Comment parent = request.parentId() == null ? null
                : replyTarget(draft.articleId(), request.parentId(), member, caller);
        if (poster != null && poster.duplicate()) {
            throw ProblemException.conflict("You posted the same comment a moment ago");
        }

        Comment c = new Comment();
        c.articleId = draft.articleId();
        c.parentId = parent == null ? null : parent.id;
        c.threadId = parent == null ? null : parent.threadId;
        c.depth = parent == null ? 1 : parent.depth + 1;
        c.member = member;
        c.guestName = draft.guestName();
        c.guestEmail = member == null ? request.guestEmail() : null;
        apply(c, request.body(), draft.doc(), hash);
        c.clientNetwork = draft.networkKey();
        c.createdAt = now;
        c.status = initialStatus(poster, caller, draft.hold());
        c.holdReason = c.status == CommentStatus.PENDING
                ? draft.hold().orElse(member == null ? "guest comment" : "first comments are reviewed") : null;
        comments.insertNew(c);
        events.posted(c);
        return new CommentService.Posted(mapper.toResponse(c, article.authorSubject(),
                member == null ? null : false, null, List.of()), true);
    }

    /** The caller as a member, provisioned on first use and with the moderator badge in step with the token. */
    private CommentRepository.PostingMember poster(Caller caller, String hash, Instant now) {
        Instant since = now.minus(config.duplicateWindow());
        Optional<CommentRepository.PostingMember> found = comments.postingMember(caller.subject(), hash, since,
                config.trustedAfterApproved());
        if (found.isPresent() && found.get().moderator() == caller.isModerator()) {
            return found.get();
        }
        members.current(caller);
        comments.flush();
        return comments.postingMember(caller.subject(), hash, since, config.trustedAfterApproved()).orElseThrow();
    }

    /** The author as the response and the events need it; the row itself is not loaded. */
    private static Member author(CommentRepository.PostingMember poster, Caller caller) {
        Member m = new Member();
        m.id = poster.id();
        m.subject = caller.subject();
        m.displayName = poster.displayName();
        m.moderator = poster.moderator();
        return m;
    }

    static void apply(Comment c, String body, RenderedDocument doc, String hash) {
        c.bodySource = body;
        c.bodyHtml = doc.html();
        c.bodyText = doc.plainText();
        c.formulas = new ArrayList<>(doc.formulas());
        c.rendererVersion = CommentRenderer.versionOf(doc);
        c.bodyHash = hash;
    }

    private Comment replyTarget(long articleId, long parentId, Member member, Caller caller) {
        Comment parent = comments.findByIdOptional(parentId).orElse(null);
        boolean visible = parent != null && (parent.isApproved() || caller.isModerator()
                || (member != null && parent.member != null && parent.member.id.equals(member.id)));
        // Say what is true of the parent; a comment the caller may not see is only ever "not visible" (or "awaiting
        // moderation", which readers are told of their own comments too), never described further.
        if (!visible) {
            throw ProblemException.invalidField("parentId", parent != null && parent.status == CommentStatus.PENDING
                    && !parent.deleted
                    ? "the comment you reply to is awaiting moderation: replies open once a moderator approves it"
                    : "no comment with this id is visible to you");
        }
        if (parent.articleId != articleId) {
            throw ProblemException.invalidField("parentId", "is a comment on another article; reply under that article");
        }
        if (parent.deleted) {
            throw ProblemException.invalidField("parentId", "the comment you reply to has been deleted");
        }
        return parent;
    }

    /** Members become trusted after some approved comments (counted by {@link CommentRepository#postingMember}). */
    private static CommentStatus initialStatus(CommentRepository.PostingMember poster, Caller caller,
                                               Optional<String> hold) {
        if (poster == null || hold.isPresent()) {
            return CommentStatus.PENDING;
        }
        return caller.isModerator() || poster.trusted() ? CommentStatus.APPROVED : CommentStatus.PENDING;
    }
}
