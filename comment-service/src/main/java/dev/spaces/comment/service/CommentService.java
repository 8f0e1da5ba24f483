package dev.spaces.comment.service;

import dev.spaces.comment.client.ArticleLookup;
import dev.spaces.comment.client.PublishedArticle;
import dev.spaces.comment.config.CommentConfig;
import dev.spaces.comment.domain.Comment;
import dev.spaces.comment.domain.CommentEdit;
import dev.spaces.comment.domain.CommentStatus;
import dev.spaces.comment.domain.Member;
import dev.spaces.comment.repository.CommentEditRepository;
import dev.spaces.comment.repository.CommentRepository;
import dev.spaces.comment.repository.CommentRepository.Cursor;
import dev.spaces.comment.repository.CommentRepository.ThreadOrder;
import dev.spaces.comment.api.CommentCreateRequest;
import dev.spaces.comment.api.CommentResponse;
import dev.spaces.comment.api.CommentThreadPage;
import dev.spaces.comment.api.RecentComment;
import dev.spaces.commons.markdown.RenderedDocument;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.security.Caller;
import dev.spaces.commons.text.Digests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Threads, posting, editing, deleting and voting. Moderation lives in {@link ModerationService}. */
@ApplicationScoped
public class CommentService {

    private final CommentRepository comments;
    private final CommentEditRepository edits;
    private final MemberService members;
    private final ArticleLookup articles;
    private final CommentRenderer renderer;
    private final SpamGuard spam;
    private final CommentEvents events;
    private final CommentMapper mapper;
    private final DisplayNames names;
    private final CommentConfig config;
    private final CommentWriter writer;

    public CommentService(CommentRepository comments, CommentEditRepository edits, MemberService members,
                          ArticleLookup articles, CommentRenderer renderer, SpamGuard spam, CommentEvents events,
                          CommentMapper mapper, DisplayNames names, CommentConfig config, CommentWriter writer) {
        this.comments = comments;
        this.edits = edits;
        this.members = members;
        this.articles = articles;
        this.renderer = renderer;
        this.spam = spam;
        this.events = events;
        this.mapper = mapper;
        this.names = names;
        this.config = config;
        this.writer = writer;
    }

    /** What posting answered; {@code stored} is false when a honeypot silently dropped it. */
    public record Posted(CommentResponse comment, boolean stored) {
    }

    @Transactional
    public CommentThreadPage threads(Caller caller, long articleId, String sort, String cursor, int limit) {
        PublishedArticle article = articles.requirePublished(articleId);
        Member viewer = caller.authenticated() ? members.current(caller) : null;
        Long viewerId = viewer == null ? null : viewer.id;
        ThreadOrder order = ThreadOrder.valueOf(sort.toUpperCase());
        List<Comment> threads = new ArrayList<>(comments.threads(articleId, viewerId, order, decode(cursor), limit + 1));
        boolean more = threads.size() > limit;
        if (more) {
            threads = threads.subList(0, limit);
        }
        List<Comment> replies = comments.replies(threads.stream().map(c -> c.id).toList(), viewerId);
        List<Long> ids = Stream.concat(threads.stream(), replies.stream()).map(c -> c.id).toList();
        var voted = new HashSet<>(viewer == null ? List.of() : comments.votedBy(viewer.id, ids));
        List<CommentResponse> items = new CommentTree(mapper, config.maxDepth(), article.authorSubject(), voted,
                viewer != null).build(threads, replies);
        String next = more ? encode(threads.getLast()) : null;
        return new CommentThreadPage(items, comments.countApproved(articleId), next);
    }

    /**
     * Checks, rate-limits and renders without a transaction (KaTeX and the article lookup may take a while), then
     * stores the comment and its events in one short transaction ({@link CommentWriter}).
     */
    public Posted post(Caller caller, long articleId, CommentCreateRequest request, String networkKey) {
        boolean asMember = caller.authenticated();
        String guestName = null;
        if (!asMember) {
            if (!config.guestComments()) {
                throw new io.quarkus.security.UnauthorizedException();
            }
            if (request.guestName() == null || request.guestName().isBlank() || request.guestEmail() == null) {
                throw ProblemException.invalidField("guestName", "guests need a name and an e-mail address");
            }
            guestName = names.require(request.guestName());
        }
        if (request.website() != null && !request.website().isBlank()) {
            // Honeypot: only bots fill it. Answer like a held comment, store nothing.
            return new Posted(null, false);
        }
        // a member's bucket follows their identity (the token subject), so no database lookup is needed first
        spam.admit(asMember ? "member:" + caller.subject() : "guest:" + networkKey, networkKey);
        PublishedArticle article = articles.requirePublished(articleId);
        RenderedDocument doc = renderer.render(request.body());
        Optional<String> hold = spam.holdReason(request.body());
        return writer.insert(caller, article,
                new CommentWriter.Draft(articleId, request, guestName, doc, hold, networkKey));
    }

    /**
     * A comment's text rendered as posting it would render it (the comment policy, its formula and size limits),
     * without storing anything: what the comment form's preview shows. Whoever may post may preview.
     */
    public RenderedDocument preview(Caller caller, String body) {
        if (!caller.authenticated() && !config.guestComments()) {
            throw new io.quarkus.security.UnauthorizedException();
        }
        return renderer.render(body);
    }

    @Transactional
    public CommentResponse edit(Caller caller, long id, String body) {
        Member member = members.current(caller);
        Comment c = visible(caller, member, id);
        if (c.member == null || !c.member.id.equals(member.id)) {
            throw ProblemException.forbidden("Only the author may edit a comment");
        }
        if (c.deleted) {
            throw ProblemException.notFound("Comment " + id);
        }
        if (Instant.now().isAfter(c.createdAt.plus(config.editWindow()))) {
            throw ProblemException.forbidden("Comments can be edited for " + config.editWindow().toMinutes()
                    + " minutes after posting");
        }
        CommentEdit previous = new CommentEdit();
        previous.commentId = c.id;
        previous.bodySource = c.bodySource;
        previous.replacedAt = Instant.now();
        edits.persist(previous);

        RenderedDocument doc = renderer.render(body);
        CommentWriter.apply(c, body, doc, Digests.sha256Hex(body.strip(), 32));
        c.editedAt = Instant.now();
        Optional<String> hold = spam.holdReason(body);
        if (hold.isPresent() && c.isApproved() && !caller.isModerator()) {
            c.status = CommentStatus.PENDING;
            c.holdReason = hold.get();
        }
        events.updated(c);
        return mapper.toResponse(c, null, null, null, List.of());
    }

    /** Soft delete: the thread keeps its shape, the body disappears. Authors and moderators. */
    @Transactional
    public void delete(Caller caller, long id) {
        Member member = members.current(caller);
        Comment c = visible(caller, member, id);
        boolean own = c.member != null && c.member.id.equals(member.id);
        if (!own && !caller.isModerator()) {
            throw ProblemException.forbidden("Only the author or a moderator may delete a comment");
        }
        if (c.deleted) {
            return;
        }
        c.deleted = true;
        c.pinned = false;
        comments.flush();
        events.deleted(c);
    }

    /** One vote per member per comment (a unique key guards it); never on one's own. */
    @Transactional
    public int vote(Caller caller, long id, boolean up) {
        Member member = members.current(caller);
        Comment c = visible(caller, member, id);
        if (!c.isApproved() || c.deleted) {
            throw ProblemException.notFound("Comment " + id);
        }
        if (c.member != null && c.member.id.equals(member.id)) {
            throw ProblemException.invalidField("vote", "you cannot vote on your own comment");
        }
        return up ? comments.addVote(c.id, member.id) : comments.removeVote(c.id, member.id);
    }

    @Transactional
    public List<RecentComment> recent(int limit) {
        List<RecentComment> result = new ArrayList<>();
        Map<Long, Optional<String>> titles = new LinkedHashMap<>();
        for (Comment c : comments.recentApproved(limit)) {
            String title = titles.computeIfAbsent(c.articleId, this::titleOrNothing).orElse(null);
            result.add(new RecentComment(c.id, c.articleId, title, CommentMapper.displayName(c), excerpt(c.bodyText),
                    c.createdAt));
        }
        return result;
    }

    @Transactional
    public Map<Long, Long> counts(List<Long> articleIds) {
        Map<Long, Long> found = comments.countsApproved(articleIds);
        Map<Long, Long> result = new LinkedHashMap<>();
        articleIds.forEach(id -> result.put(id, found.getOrDefault(id, 0L)));
        return result;
    }

    /** A comment as the caller may see it: approved, or their own, or anything for moderators; else 404. */
    Comment visible(Caller caller, Member viewer, long id) {
        Comment c = comments.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Comment " + id));
        boolean own = viewer != null && c.member != null && c.member.id.equals(viewer.id);
        if (!c.isApproved() && !own && !caller.isModerator()) {
            throw ProblemException.notFound("Comment " + id);
        }
        return c;
    }

    private Optional<String> titleOrNothing(long articleId) {
        try {
            return articles.published(articleId).map(PublishedArticle::title);
        } catch (ProblemException unavailable) {
            return Optional.empty();
        }
    }

    private static String excerpt(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.codePointCount(0, flat.length()) <= 120 ? flat
                : flat.substring(0, flat.offsetByCodePoints(0, 120)) + "…";
    }

    private static String encode(Comment last) {
        String raw = last.createdAt.getEpochSecond() + ":" + last.createdAt.getNano() + ":" + last.votes + ":" + last.id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Cursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    Long.parseLong(parts[2]), Long.parseLong(parts[3]));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor is not one this API gave out");
        }
    }
}
