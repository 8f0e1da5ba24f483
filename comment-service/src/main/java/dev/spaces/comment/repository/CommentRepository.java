package dev.spaces.comment.repository;

import dev.spaces.comment.domain.Comment;
import dev.spaces.comment.domain.CommentStatus;
import dev.spaces.comment.domain.Member;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class CommentRepository implements PanacheRepository<Comment> {

    /** Order of top-level threads; the cursor is the last thread's (key, id). */
    public enum ThreadOrder {
        OLDEST, NEWEST, TOP
    }

    /**
     * Top-level comments of an article visible to the viewer (approved, plus the viewer's own pending ones),
     * after the cursor, pinned threads first on the first page.
     */
    public List<Comment> threads(long articleId, Long viewerMemberId, ThreadOrder order, Cursor after, int limit) {
        StringBuilder q = new StringBuilder("from Comment c where c.articleId = :article and c.parentId is null and ")
                .append(visibility(viewerMemberId));
        Parameters params = Parameters.with("article", articleId);
        if (viewerMemberId != null) {
            params.and("viewer", viewerMemberId);
        }
        if (after != null) {
            q.append(" and c.pinned = false and ");
            switch (order) {
                case OLDEST -> q.append("(c.createdAt > :key or (c.createdAt = :key and c.id > :id))");
                case NEWEST -> q.append("(c.createdAt < :key or (c.createdAt = :key and c.id < :id))");
                case TOP -> q.append("(c.votes < :votes or (c.votes = :votes and c.id < :id))");
            }
            if (order == ThreadOrder.TOP) {
                params.and("votes", (int) after.votes());
            } else {
                params.and("key", after.createdAt());
            }
            params.and("id", after.id());
        }
        q.append(" order by ").append(after == null ? "c.pinned desc, " : "").append(switch (order) {
            case OLDEST -> "c.createdAt asc, c.id asc";
            case NEWEST -> "c.createdAt desc, c.id desc";
            case TOP -> "c.votes desc, c.id desc";
        });
        return find(q.toString(), params).page(0, limit).list();
    }

    /** Every visible reply in the given threads, oldest first. */
    public List<Comment> replies(List<Long> threadIds, Long viewerMemberId) {
        if (threadIds.isEmpty()) {
            return List.of();
        }
        Parameters params = Parameters.with("threads", threadIds);
        if (viewerMemberId != null) {
            params.and("viewer", viewerMemberId);
        }
        return list("from Comment c where c.threadId in :threads and c.parentId is not null and "
                + visibility(viewerMemberId) + " order by c.createdAt, c.id", params);
    }

    public long countApproved(long articleId) {
        return count("articleId = ?1 and status = ?2 and deleted = false", articleId, CommentStatus.APPROVED);
    }

    /** Approved, not deleted comment counts per article; articles without comments are absent. */
    public Map<Long, Long> countsApproved(List<Long> articleIds) {
        Map<Long, Long> counts = new HashMap<>();
        getEntityManager().createQuery("select c.articleId, count(c) from Comment c where c.articleId in :ids "
                        + "and c.status = :status and c.deleted = false group by c.articleId", Object[].class)
                .setParameter("ids", articleIds).setParameter("status", CommentStatus.APPROVED)
                .getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }

    /** With their authors in the same query: the list shows each author's name. */
    public List<Comment> recentApproved(int limit) {
        return getEntityManager().createQuery("select c from Comment c left join fetch c.member "
                        + "where c.status = :status and c.deleted = false order by c.createdAt desc, c.id desc",
                        Comment.class)
                .setParameter("status", CommentStatus.APPROVED).setMaxResults(limit).getResultList();
    }

    public List<Comment> byStatus(CommentStatus status, int page, int size) {
        return find("status = ?1 and deleted = false order by createdAt desc, id desc", status).page(page - 1, size).list();
    }

    public long countByStatus(CommentStatus status) {
        return count("status = ?1 and deleted = false", status);
    }

    /** Reads one index entry at most (comment_member_recent_idx), not a count. */
    public boolean recentDuplicate(Member member, String bodyHash, Instant since) {
        return !getEntityManager().createQuery("select c.id from Comment c where c.member = :member "
                        + "and c.bodyHash = :hash and c.createdAt >= :since", Long.class)
                .setParameter("member", member).setParameter("hash", bodyHash).setParameter("since", since)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** Whether the member has at least {@code atLeast} approved comments; reads no more rows than that. */
    public boolean hasApproved(Member member, int atLeast) {
        if (atLeast <= 0) {
            return true;
        }
        return getEntityManager().createQuery("select c.id from Comment c where c.member = :member "
                        + "and c.status = :status", Long.class)
                .setParameter("member", member).setParameter("status", CommentStatus.APPROVED)
                .setMaxResults(atLeast).getResultList().size() >= atLeast;
    }

    public long approvedCount(Member member) {
        return count("member = ?1 and status = ?2", member, CommentStatus.APPROVED);
    }

    /** Records a vote once (unique key), then recounts; returns the new total. */
    public int addVote(long commentId, long memberId) {
        getEntityManager().createNativeQuery("""
                INSERT INTO comment_vote (comment_id, member_id, created_at) VALUES (:c, :m, now())
                ON CONFLICT DO NOTHING""").setParameter("c", commentId).setParameter("m", memberId).executeUpdate();
        return recount(commentId);
    }

    public int removeVote(long commentId, long memberId) {
        getEntityManager().createNativeQuery("DELETE FROM comment_vote WHERE comment_id = :c AND member_id = :m")
                .setParameter("c", commentId).setParameter("m", memberId).executeUpdate();
        return recount(commentId);
    }

    /** Comment ids among these that the member voted for. */
    @SuppressWarnings("unchecked")
    public List<Long> votedBy(long memberId, List<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return List.of();
        }
        List<Number> ids = getEntityManager().createNativeQuery(
                        "SELECT comment_id FROM comment_vote WHERE member_id = :m AND comment_id IN (:ids)")
                .setParameter("m", memberId).setParameter("ids", commentIds).getResultList();
        return new ArrayList<>(ids.stream().map(Number::longValue).toList());
    }

    private int recount(long commentId) {
        getEntityManager().createNativeQuery(
                        "UPDATE comment SET votes = (SELECT COUNT(*) FROM comment_vote WHERE comment_id = :c) WHERE id = :c")
                .setParameter("c", commentId).executeUpdate();
        Number votes = (Number) getEntityManager().createNativeQuery("SELECT votes FROM comment WHERE id = :c")
                .setParameter("c", commentId).getSingleResult();
        return votes.intValue();
    }

    private static String visibility(Long viewerMemberId) {
        return viewerMemberId == null ? "c.status = dev.spaces.comment.domain.CommentStatus.APPROVED"
                : "(c.status = dev.spaces.comment.domain.CommentStatus.APPROVED or "
                + "(c.status = dev.spaces.comment.domain.CommentStatus.PENDING and c.member.id = :viewer))";
    }

    /** Position after the last thread of a page. */
    public record Cursor(Instant createdAt, long votes, long id) {
    }
}
