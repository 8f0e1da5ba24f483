package dev.spaces.comment.repository;

import dev.spaces.comment.domain.CommentReport;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ReportRepository implements PanacheRepository<CommentReport> {

    public Optional<CommentReport> openReport(long commentId, long memberId) {
        return find("commentId = ?1 and memberId = ?2 and closedAt is null", commentId, memberId).firstResultOptional();
    }

    /**
     * Stores a report unless this member already has an open one on the comment (the partial unique index decides,
     * so two concurrent first reports cannot both be stored); true when this call stored it.
     */
    public boolean insertIfNoneOpen(CommentReport r) {
        int rows = getEntityManager().createNativeQuery("""
                        INSERT INTO comment_report (comment_id, member_id, reason, note, created_at)
                        VALUES (:c, :m, :reason, :note, :at)
                        ON CONFLICT (comment_id, member_id) WHERE closed_at IS NULL DO NOTHING""")
                .setParameter("c", r.commentId).setParameter("m", r.memberId).setParameter("reason", r.reason)
                .setParameter("note", r.note).setParameter("at", r.createdAt.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        return rows == 1;
    }

    /** Approved, not deleted comments with open reports: the most reported first, then the most recently reported. */
    @SuppressWarnings("unchecked")
    public List<Long> reportedCommentIds(int page, int size) {
        List<Number> ids = getEntityManager().createNativeQuery("""
                        SELECT r.comment_id FROM comment_report r JOIN comment c ON c.id = r.comment_id
                        WHERE r.closed_at IS NULL AND c.status = 'APPROVED' AND NOT c.deleted
                        GROUP BY r.comment_id ORDER BY count(*) DESC, max(r.created_at) DESC, r.comment_id DESC
                        OFFSET :offset LIMIT :size""")
                .setParameter("offset", (long) (page - 1) * size).setParameter("size", size).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    public long countReportedComments() {
        return ((Number) getEntityManager().createNativeQuery("""
                SELECT count(DISTINCT r.comment_id) FROM comment_report r JOIN comment c ON c.id = r.comment_id
                WHERE r.closed_at IS NULL AND c.status = 'APPROVED' AND NOT c.deleted""").getSingleResult()).longValue();
    }

    /** Open reports of these comments, oldest first. */
    public List<CommentReport> openReports(List<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return List.of();
        }
        return list("commentId in ?1 and closedAt is null order by createdAt, id", commentIds);
    }

    /** Closes the comment's open reports with the moderator's decision; how many it closed. */
    public int close(long commentId, long moderatorId, String decision, Instant at) {
        return update("closedAt = ?1, closedBy = ?2, decision = ?3 where commentId = ?4 and closedAt is null",
                at, moderatorId, decision, commentId);
    }
}
