package dev.spaces.comment.service;

import dev.spaces.comment.api.ReportRequest;
import dev.spaces.comment.api.ReportResponse;
import dev.spaces.comment.domain.Comment;
import dev.spaces.comment.domain.CommentReport;
import dev.spaces.comment.domain.Member;
import dev.spaces.comment.repository.CommentRepository;
import dev.spaces.comment.repository.ReportRepository;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * Members report approved comments to the moderators. One open report per member and comment: reporting again
 * while the first is open changes nothing and answers with the first (idempotent, so a double click or a retried
 * request never counts twice). Reports close when a moderator decides ({@link ModerationService}).
 */
@ApplicationScoped
public class ReportService {

    private final CommentRepository comments;
    private final ReportRepository reports;
    private final MemberService members;
    private final SpamGuard spam;

    public ReportService(CommentRepository comments, ReportRepository reports, MemberService members, SpamGuard spam) {
        this.comments = comments;
        this.reports = reports;
        this.members = members;
        this.spam = spam;
    }

    /** The report and whether this call filed it (false: the member's open report was already there). */
    public record Filed(ReportResponse report, boolean created) {
    }

    @Transactional
    public Filed report(Caller caller, long commentId, ReportRequest request) {
        Member member = members.current(caller);
        // only what readers can see can be reported; anything else is as absent as it is on the public thread
        Comment c = comments.findByIdOptional(commentId).filter(Comment::isApproved).filter(x -> !x.deleted)
                .orElseThrow(() -> ProblemException.notFound("Comment " + commentId));
        if (c.member != null && c.member.id.equals(member.id)) {
            throw ProblemException.invalidField("reason", "you cannot report your own comment");
        }
        var open = reports.openReport(commentId, member.id);
        if (open.isPresent()) {
            return new Filed(toResponse(open.get()), false);
        }
        // a repeat costs nothing; only a report that reaches the moderators takes a token
        spam.admitReport("member:" + caller.subject());
        CommentReport r = new CommentReport();
        r.commentId = commentId;
        r.memberId = member.id;
        r.reason = request.reason();
        r.note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        r.createdAt = Instant.now();
        boolean created = reports.insertIfNoneOpen(r);
        CommentReport stored = reports.openReport(commentId, member.id)
                .orElseThrow(() -> new IllegalStateException("the open report of comment " + commentId + " vanished"));
        return new Filed(toResponse(stored), created);
    }

    private static ReportResponse toResponse(CommentReport r) {
        return new ReportResponse(r.id, r.commentId, r.reason, r.note, r.createdAt);
    }
}
