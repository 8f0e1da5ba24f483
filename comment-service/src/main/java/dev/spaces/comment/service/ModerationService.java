package dev.spaces.comment.service;

import dev.spaces.comment.domain.Comment;
import dev.spaces.comment.domain.CommentEdit;
import dev.spaces.comment.domain.CommentStatus;
import dev.spaces.comment.domain.Member;
import dev.spaces.comment.domain.ModerationAction;
import dev.spaces.comment.repository.CommentEditRepository;
import dev.spaces.comment.repository.CommentRepository;
import dev.spaces.comment.repository.MemberRepository;
import dev.spaces.comment.repository.ModerationRepository;
import dev.spaces.comment.repository.ReportRepository;
import dev.spaces.comment.domain.CommentReport;
import dev.spaces.comment.api.ModerationThread;
import dev.spaces.comment.api.ReportSummary;
import dev.spaces.comment.api.AuditEntry;
import dev.spaces.comment.api.CommentEditResponse;
import dev.spaces.comment.api.CommentResponse;
import dev.spaces.commons.http.PageResponse;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.security.Caller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The moderation queue, decisions (with an audit trail) and edit history; moderators and admins only. */
@ApplicationScoped
public class ModerationService {

    private final CommentRepository comments;
    private final CommentEditRepository edits;
    private final ModerationRepository audit;
    private final MemberRepository memberRepository;
    private final MemberService members;
    private final CommentEvents events;
    private final CommentMapper mapper;
    private final ReportRepository reports;

    public ModerationService(CommentRepository comments, CommentEditRepository edits, ModerationRepository audit,
                             MemberRepository memberRepository, MemberService members, CommentEvents events,
                             CommentMapper mapper, ReportRepository reports) {
        this.reports = reports;
        this.comments = comments;
        this.edits = edits;
        this.audit = audit;
        this.memberRepository = memberRepository;
        this.members = members;
        this.events = events;
        this.mapper = mapper;
    }

    @Transactional
    public PageResponse<CommentResponse> queue(Caller caller, CommentStatus status, int page, int size) {
        requireModerator(caller);
        List<CommentResponse> items = comments.byStatus(status, page, size).stream()
                .map(c -> mapper.toResponse(c, null, null, null, null)).toList();
        return PageResponse.of(items, page, size, comments.countByStatus(status));
    }

    /**
     * Approved comments with open reports, the most reported first, each with its reports (reason, note, who, when).
     * A decision on one (approve = keep, reject, spam) closes its reports and takes it out of this queue.
     */
    @Transactional
    public PageResponse<CommentResponse> reported(Caller caller, int page, int size) {
        requireModerator(caller);
        List<Long> ids = reports.reportedCommentIds(page, size);
        Map<Long, Comment> found = byId(ids);
        Map<Long, List<CommentReport>> open = reports.openReports(ids).stream()
                .collect(Collectors.groupingBy(r -> r.commentId));
        Map<Long, String> reporters = names(open.values().stream().flatMap(List::stream).map(r -> r.memberId).toList());
        List<CommentResponse> items = ids.stream().filter(found::containsKey).map(id -> {
            List<ReportSummary.ReportItem> filed = open.getOrDefault(id, List.of()).stream()
                    .map(r -> new ReportSummary.ReportItem(r.reason, r.note, reporters.get(r.memberId), r.createdAt)).toList();
            return mapper.toResponse(found.get(id), null, null, null, null)
                    .withReports(new ReportSummary(filed.size(), filed));
        }).toList();
        return PageResponse.of(items, page, size, reports.countReportedComments());
    }

    /**
     * The comment in context for a moderator: its ancestors, itself and up to {@code limit} of its replies at every
     * depth and in every status (a pending reply may be what the comment answers to), oldest first.
     */
    @Transactional
    public ModerationThread thread(Caller caller, long id, int limit) {
        requireModerator(caller);
        Comment c = comments.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Comment " + id));
        LinkedList<CommentResponse> ancestors = new LinkedList<>();
        Long parent = c.parentId;
        // the chain is as long as the comment's depth; the bound only guards against a damaged row pointing in a loop
        for (int hops = 0; parent != null && hops < 1000; hops++) {
            Comment p = comments.findById(parent);
            if (p == null) {
                break;
            }
            ancestors.addFirst(mapper.toResponse(p, null, null, null, null));
            parent = p.parentId;
        }
        List<Long> replyIds = comments.descendantIds(id, limit + 1);
        boolean truncated = replyIds.size() > limit;
        List<Long> shown = truncated ? replyIds.subList(0, limit) : replyIds;
        Map<Long, Comment> found = byId(shown);
        List<CommentResponse> replies = shown.stream().filter(found::containsKey)
                .map(x -> mapper.toResponse(found.get(x), null, null, null, null)).toList();
        long total = truncated ? comments.countDescendants(id) : replies.size();
        return new ModerationThread(List.copyOf(ancestors), mapper.toResponse(c, null, null, null, null), replies,
                total, truncated);
    }

    @Transactional
    public CommentResponse moderate(Caller caller, long id, String action, String reason) {
        requireModerator(caller);
        Member moderator = members.current(caller);
        Comment c = comments.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Comment " + id));
        apply(c, action, reason, moderator);
        return mapper.toResponse(c, null, null, null, null);
    }

    /** All or nothing: an unknown id fails the whole batch before anything changes. */
    @Transactional
    public List<CommentResponse> moderateAll(Caller caller, List<Long> ids, String action, String reason) {
        requireModerator(caller);
        Member moderator = members.current(caller);
        List<Comment> found = comments.list("id in ?1", ids);
        if (found.size() != ids.stream().distinct().count()) {
            throw ProblemException.invalidField("ids", "some comments do not exist");
        }
        found.forEach(c -> apply(c, action, reason, moderator));
        return found.stream().map(c -> mapper.toResponse(c, null, null, null, null)).toList();
    }

    @Transactional
    public PageResponse<AuditEntry> audit(Caller caller, int page, int size) {
        requireModerator(caller);
        var query = audit.findAll(Sort.descending("at").and("id", Sort.Direction.Descending));
        long total = query.count();
        List<ModerationAction> actions = query.page(page - 1, size).list();
        Map<Long, String> moderators = names(actions.stream().map(a -> a.moderatorId).toList());
        List<AuditEntry> entries = actions.stream().map(a -> new AuditEntry(a.id, a.commentId, a.moderatorId,
                moderators.get(a.moderatorId), a.action, a.reason, a.reportsClosed, a.at)).toList();
        return PageResponse.of(entries, page, size, total);
    }

    @Transactional
    public List<CommentEditResponse> edits(Caller caller, long commentId) {
        requireModerator(caller);
        comments.findByIdOptional(commentId).orElseThrow(() -> ProblemException.notFound("Comment " + commentId));
        return edits.list("commentId", Sort.ascending("replacedAt"), commentId).stream()
                .map((CommentEdit e) -> new CommentEditResponse(e.bodySource, e.replacedAt)).toList();
    }

    /**
     * Re-renders every comment stored with an older renderer/policy version from its Markdown source, in batches.
     * Admin only: run after upgrading the pipeline or tightening the comment policy.
     */
    @Transactional
    public int rerenderOutdated(Caller caller, CommentRenderer renderer, int limit) {
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Re-rendering comments needs the admin role");
        }
        return rerenderOutdated(renderer, limit);
    }

    /** The same without a caller: the background re-render after an upgrade ({@link CommentRerenderer}). */
    @Transactional
    public int rerenderOutdated(CommentRenderer renderer, int limit) {
        // SKIP LOCKED: replicas share the work instead of colliding on the same rows
        List<Comment> outdated = comments.find("rendererVersion <> ?1 order by id", CommentRenderer.VERSION)
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // org.hibernate.LockOptions.SKIP_LOCKED
                .page(0, limit).list();
        for (Comment c : outdated) {
            var doc = renderer.render(c.bodySource);
            c.bodyHtml = doc.html();
            c.bodyText = doc.plainText();
            c.formulas = new java.util.ArrayList<>(doc.formulas());
            c.rendererVersion = CommentRenderer.versionOf(doc);
        }
        return outdated.size();
    }

    private Map<Long, Comment> byId(List<Long> ids) {
        return ids.isEmpty() ? Map.of()
                : comments.list("id in ?1", ids).stream().collect(Collectors.toMap(c -> c.id, c -> c));
    }

    /** Display names of these members by id (a member without one is absent). */
    private Map<Long, String> names(List<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        return memberRepository.list("id in ?1", memberIds.stream().distinct().toList()).stream()
                .filter(m -> m.displayName != null).collect(Collectors.toMap(m -> m.id, m -> m.displayName));
    }

    private void apply(Comment c, String action, String reason, Member moderator) {
        boolean wasApproved = c.isApproved();
        CommentStatus previousStatus = c.status;
        boolean wasPinned = c.pinned;
        switch (action) {
            case "approve" -> c.status = CommentStatus.APPROVED;
            case "reject" -> c.status = CommentStatus.REJECTED;
            case "spam" -> c.status = CommentStatus.SPAM;
            case "pin" -> c.pinned = true;
            case "unpin" -> c.pinned = false;
            default -> throw ProblemException.invalidField("action", "unknown action " + action);
        }
        if (c.isApproved()) {
            c.holdReason = null;
        } else if (!"pin".equals(action) && !"unpin".equals(action)) {
            c.pinned = false;
        }
        Instant now = Instant.now();
        // approve, reject and spam are decisions about the comment as a whole: they answer its open reports
        int closed = "pin".equals(action) || "unpin".equals(action) ? 0 : reports.close(c.id, moderator.id, action, now);
        ModerationAction entry = new ModerationAction();
        entry.commentId = c.id;
        entry.moderatorId = moderator.id;
        // approving a comment that was approved already only keeps it: the audit says its reports were dismissed
        entry.action = closed > 0 && wasApproved && "approve".equals(action) ? "dismiss-reports" : action;
        entry.reason = reason;
        entry.reportsClosed = closed;
        entry.at = now;
        audit.persist(entry);
        if (!wasApproved && c.isApproved()) {
            events.approved(c);
        } else if (c.status != previousStatus
                && (c.status == CommentStatus.REJECTED || c.status == CommentStatus.SPAM)) {
            events.rejected(c);
        } else if (c.pinned != wasPinned) {
            events.updated(c);
        }
    }

    private static void requireModerator(Caller caller) {
        if (!caller.isModerator()) {
            throw ProblemException.forbidden("Moderation needs the moderator or admin role");
        }
    }
}
