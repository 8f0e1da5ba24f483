package dev.spaces.comment.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.comment.domain.Comment;
import dev.spaces.comment.repository.CommentRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.id.IdentifierGenerator;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The import's SQL: comments written with their own ids (the entity's generator is for new comments only), the
 * source of each imported comment and member, and comment_id_seq moved past the imported ids. Everything runs in the
 * import's one transaction.
 */
@ApplicationScoped
public class ImportStore {

    private final EntityManager em;
    private final ObjectMapper json;
    private final CommentRepository comments;

    public ImportStore(EntityManager em, ObjectMapper json, CommentRepository comments) {
        this.em = em;
        this.json = json;
        this.comments = comments;
    }

    /** A comment already stored under an imported record's id, with the source it came from (null: posted here). */
    public record Existing(long id, long articleId, Long parentId, long threadId, int depth, String bodySource,
                           String status, boolean deleted, String sourceKey, String recordHash) {
    }

    public Optional<Existing> comment(long id) {
        return session().doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT c.id, c.article_id, c.parent_id, c.thread_id, c.depth, c.body_source, c.status, c.deleted,
                           i.source_key, i.record_hash
                    FROM comment c LEFT JOIN comment_import i ON i.comment_id = c.id WHERE c.id = ?""")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Existing(rs.getLong(1), rs.getLong(2),
                            (Long) rs.getObject(3), rs.getLong(4), rs.getInt(5), rs.getString(6), rs.getString(7),
                            rs.getBoolean(8), rs.getString(9), rs.getString(10))) : Optional.empty();
                }
            }
        });
    }

    /** Inserts an imported comment under its own id (as a posted one is), and records where it came from. */
    public void insert(Comment c, String sourceKey, String recordHash, Instant now) {
        comments.insertNew(c);
        session().doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO comment_import (comment_id, source_key, record_hash, imported_at) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, c.id);
                ps.setString(2, sourceKey);
                ps.setString(3, recordHash);
                ps.setObject(4, now.atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
        });
    }

    /**
     * A changed record of a comment imported before: its body (the old one kept as an edit), status and author
     * fields. Where it sits in its thread does not change: replies may hang under it.
     */
    public void update(Comment c, String previousBody, String recordHash, Instant now) {
        String formulas = formulas(c);
        session().doWork(connection -> {
            if (previousBody != null) {
                try (PreparedStatement ps = connection.prepareStatement(
                        "INSERT INTO comment_edit (comment_id, body_source, replaced_at) VALUES (?, ?, ?)")) {
                    ps.setLong(1, c.id);
                    ps.setString(2, previousBody);
                    ps.setObject(3, now.atOffset(ZoneOffset.UTC));
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = connection.prepareStatement("""
                    UPDATE comment SET member_id = ?, guest_name = ?, guest_email = ?, guest_url = ?, body_source = ?,
                                       body_html = ?, body_text = ?, formulas = CAST(? AS jsonb), renderer_version = ?,
                                       body_hash = ?, status = ?, hold_reason = ?, deleted = ?,
                                       edited_at = CASE WHEN ? THEN ? ELSE edited_at END, version = version + 1
                    WHERE id = ?""")) {
                int i = 1;
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
                ps.setBoolean(i++, c.deleted);
                ps.setBoolean(i++, previousBody != null);
                ps.setObject(i++, now.atOffset(ZoneOffset.UTC));
                ps.setLong(i, c.id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE comment_import SET record_hash = ?, imported_at = ? WHERE comment_id = ?")) {
                ps.setString(1, recordHash);
                ps.setObject(2, now.atOffset(ZoneOffset.UTC));
                ps.setLong(3, c.id);
                ps.executeUpdate();
            }
        });
    }

    /** The member a source's user became in an earlier import, with the digest of its record then. */
    public record ImportedMember(long memberId, String recordHash) {
    }

    public Optional<ImportedMember> importedMember(String sourceKey, String memberKey) {
        return session().doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT i.member_id, i.record_hash FROM member_import i JOIN member m ON m.id = i.member_id
                    WHERE i.source_key = ? AND i.member_key = ? AND m.deleted_at IS NULL""")) {
                ps.setString(1, sourceKey);
                ps.setString(2, memberKey);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new ImportedMember(rs.getLong(1), rs.getString(2)))
                            : Optional.empty();
                }
            }
        });
    }

    /** Remembers (or re-points) which member a source's user became. */
    public void rememberMember(String sourceKey, String memberKey, long memberId, String recordHash, Instant now) {
        em.createNativeQuery("""
                        INSERT INTO member_import (source_key, member_key, member_id, record_hash, imported_at)
                        VALUES (:source, :key, :member, :hash, :now)
                        ON CONFLICT (source_key, member_key)
                        DO UPDATE SET member_id = :member, record_hash = :hash, imported_at = :now""")
                .setParameter("source", sourceKey).setParameter("key", memberKey).setParameter("member", memberId)
                .setParameter("hash", recordHash).setParameter("now", java.sql.Timestamp.from(now))
                .executeUpdate();
    }

    /** The member with this Keycloak subject, if one signed in (or was imported) before. */
    public Optional<Long> memberBySubject(String subject) {
        return em.createNativeQuery("SELECT id FROM member WHERE subject = :subject", Long.class)
                .setParameter("subject", subject).getResultStream().findFirst().map(Long.class::cast);
    }

    public long insertMember(String subject, String username, String email, String displayName, String website,
                             Instant joinedAt) {
        return ((Number) em.createNativeQuery("""
                        INSERT INTO member (subject, username, email, display_name, website, moderator, joined_at)
                        VALUES (:subject, :username, :email, :name, :website, FALSE, :joined) RETURNING id""")
                .setParameter("subject", subject).setParameter("username", username).setParameter("email", email)
                .setParameter("name", displayName).setParameter("website", website)
                .setParameter("joined", java.sql.Timestamp.from(joinedAt)).getSingleResult()).longValue();
    }

    /** A member stored under a placeholder subject gets its Keycloak id once the user exists. */
    public void setSubject(long memberId, String subject) {
        em.createNativeQuery("UPDATE member SET subject = :subject WHERE id = :id")
                .setParameter("subject", subject).setParameter("id", memberId).executeUpdate();
    }

    /**
     * Moves comment_id_seq past the highest comment id, so new comments never take an imported number, and uses up
     * this instance's block of ids handed out before the move (Hibernate's pooled optimizer keeps up to 50 in
     * memory, V3__comment_id_blocks.sql). setval is not transactional: a dry run must not call it.
     */
    public void moveIdsAbove(long highestImported) {
        long highest = ((Number) em.createNativeQuery("""
                SELECT setval('comment_id_seq', GREATEST((SELECT last_value FROM comment_id_seq),
                                                         (SELECT coalesce(max(id), 1) FROM comment)))""")
                .getSingleResult()).longValue();
        SharedSessionContractImplementor session = em.unwrap(Session.class)
                .unwrap(SharedSessionContractImplementor.class);
        var generator = (IdentifierGenerator) session.getFactory().getMappingMetamodel()
                .getEntityDescriptor(Comment.class).getGenerator();
        // at most one block: once it is used up the optimizer asks the moved sequence
        for (int i = 0; i <= 50; i++) {
            long next = ((Number) generator.generate(session, new Comment())).longValue();
            if (next > Math.max(highest, highestImported)) {
                break;
            }
        }
    }

    private Session session() {
        return em.unwrap(Session.class);
    }

    private String formulas(Comment c) {
        try {
            return json.writeValueAsString(c.formulas);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("formulas cannot be serialized", e);
        }
    }
}
