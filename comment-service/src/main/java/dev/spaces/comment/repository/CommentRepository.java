package dev.spaces.comment.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.comment.domain.Comment;
import dev.spaces.comment.domain.CommentStatus;
import dev.spaces.comment.domain.Member;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.id.IdentifierGenerator;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class CommentRepository implements PanacheRepository<Comment> {

    private final ObjectMapper json;

    public CommentRepository(ObjectMapper json) {
        this.json = json;
    }

    /**
     * What posting needs to know about the member behind a token subject.
     *
     * @param duplicate they posted a comment with this body hash since the given time
     * @param trusted   they have at least the given number of approved comments
     */
    public record PostingMember(long id, String displayName, boolean moderator, boolean duplicate, boolean trusted) {
    }

    /**
     * The member and the duplicate and trust checks of a new comment in one statement (each check reads one index
     * entry, or at most {@code trustedAfter} rows); empty when no member has this subject yet.
     */
    public Optional<PostingMember> postingMember(String subject, String bodyHash, Instant since, int trustedAfter) {
        return getSession().doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT m.id, m.display_name, m.moderator,
                           EXISTS (SELECT 1 FROM comment c WHERE c.member_id = m.id AND c.body_hash = ?
                                   AND c.created_at >= ?),
                           (SELECT count(*) FROM (SELECT 1 FROM comment c WHERE c.member_id = m.id
                                                  AND c.status = 'APPROVED' LIMIT ?) approved) >= ?
                    FROM member m WHERE m.subject = ?""")) {
                int atLeast = Math.max(0, trustedAfter);
                ps.setString(1, bodyHash);
                ps.setObject(2, since.atOffset(ZoneOffset.UTC));
                ps.setInt(3, atLeast);
                ps.setInt(4, atLeast);
                ps.setString(5, subject);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new PostingMember(rs.getLong(1), rs.getString(2), rs.getBoolean(3),
                            rs.getBoolean(4), rs.getBoolean(5))) : Optional.empty();
                }
            }
        });
    }

    /**
     * Inserts a new comment with one plain INSERT, bypassing the persistence context (nothing in the posting
     * transaction reads it back). Its id comes from the entity's own generator (comment_id_seq in blocks), so it is
     * known before the INSERT and never collides with ids Hibernate hands out; an imported comment comes with its
     * own. The comment stays detached.
     */
    public void insertNew(Comment c) {
        SharedSessionContractImplementor session = getSession().unwrap(SharedSessionContractImplementor.class);
        if (c.id == null) {
            var generator = (IdentifierGenerator) session.getFactory().getMappingMetamodel()
                    .getEntityDescriptor(Comment.class).getGenerator();
            c.id = ((Number) generator.generate(session, c)).longValue();
        }
        if (c.threadId == null) {
            c.threadId = c.id;
        }
        String formulas;
        try {
            formulas = json.writeValueAsString(c.formulas);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("formulas cannot be serialized", e);
        }
        session.doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    INSERT INTO comment (id, article_id, parent_id, thread_id, depth, member_id, guest_name, guest_email,
                                         guest_url, body_source, body_html, body_text, formulas, renderer_version,
                                         body_hash, status, hold_reason, pinned, deleted, votes, client_network,
                                         created_at, edited_at, version)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, 0, ?, ?, NULL, ?)""")) {
                int i = 1;
                ps.setLong(i++, c.id);
                ps.setLong(i++, c.articleId);
                ps.setObject(i++, c.parentId, Types.BIGINT);
                ps.setLong(i++, c.threadId);
                ps.setInt(i++, c.depth);
                ps.setObject(i++, c.member == null ? null : c.member.id, Types.BIGINT);
                ps.setString(i++, c.guestName);
                ps.setString(i++, c.guestEmail);
                ps.setString(i++, c.guestUrl);
                ps.setString(i++, c.bodySource);
                ps.setString(i++, c.bodyHtml);
                ps.setString(i++, c.bodyText);
                ps.setString(i++, formulas);
                ps.setString(i++, c.rendererVersion);
                ps.setString(i++, c.bodyHash);
                ps.setString(i++, c.status.name());
                ps.setString(i++, c.holdReason);
                ps.setBoolean(i++, c.pinned);
                ps.setBoolean(i++, c.deleted);
                ps.setString(i++, c.clientNetwork);
                ps.setObject(i++, c.createdAt.atOffset(ZoneOffset.UTC));
                ps.setLong(i, c.version);
                ps.executeUpdate();
            }
        });
    }

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

    /** Ids of every reply below the comment, at any depth, oldest first; at most {@code limit}. */
    @SuppressWarnings("unchecked")
    public List<Long> descendantIds(long commentId, int limit) {
        List<Number> ids = getEntityManager().createNativeQuery(DESCENDANTS
                        + "SELECT c.id FROM comment c JOIN below b ON b.id = c.id ORDER BY c.created_at, c.id LIMIT :limit")
                .setParameter("id", commentId).setParameter("limit", limit).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    public long countDescendants(long commentId) {
        return ((Number) getEntityManager().createNativeQuery(DESCENDANTS + "SELECT count(*) FROM below")
                .setParameter("id", commentId).getSingleResult()).longValue();
    }

    // replies of replies through parent_id (UNION, not UNION ALL: a damaged row pointing in a loop ends the walk)
    private static final String DESCENDANTS = """
            WITH RECURSIVE below(id) AS (
                SELECT id FROM comment WHERE parent_id = :id
                UNION
                SELECT c.id FROM comment c JOIN below b ON c.parent_id = b.id
            )
            """;

    public long countByStatus(CommentStatus status) {
        return count("status = ?1 and deleted = false", status);
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
