package dev.spaces.comment.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The mail tables (V7__mail.sql) and the outbox as the dispatcher reads it, on the caller's transaction. */
@ApplicationScoped
public class MailStore {

    /** An outbox row as the dispatcher needs it. */
    public record OutboxRow(long seq, String id, String type, Instant occurredAt, String payload) {
    }

    /** A delivery to write: the mail is composed when it is decided, so every retry sends the same bytes. */
    public record NewDelivery(String source, MailKind kind, long memberId, String to, ComposedMail mail,
                              String unsubscribeUrl) {
    }

    /** A pending delivery the sender claimed. */
    public record Due(long id, MailKind kind, long memberId, String to, String subject, String html, String text,
                      String unsubscribeUrl, int attempts) {
    }

    /** A comment waiting for moderation, as a digest lists it. */
    public record PendingComment(long id, long articleId, String author, String excerpt, Instant createdAt) {
    }

    private final EntityManager em;

    public MailStore(EntityManager em) {
        this.em = em;
    }

    /** The dispatcher's position, locked until commit: one dispatcher at a time, whichever replica. */
    public long lockCursor() {
        return ((Number) em.createNativeQuery("SELECT last_seq FROM mail_cursor WHERE name = 'outbox' FOR UPDATE")
                .getSingleResult()).longValue();
    }

    public void moveCursor(long seq) {
        em.createNativeQuery("UPDATE mail_cursor SET last_seq = ?1 WHERE name = 'outbox'").setParameter(1, seq)
                .executeUpdate();
    }

    public List<OutboxRow> eventsAfter(long seq, int limit) {
        return session().doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT seq, id::text, type, occurred_at, payload::text FROM outbox_event
                    WHERE seq > ? ORDER BY seq LIMIT ?""")) {
                ps.setLong(1, seq);
                ps.setInt(2, limit);
                List<OutboxRow> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new OutboxRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getTimestamp(4).toInstant(), rs.getString(5)));
                    }
                }
                return rows;
            }
        });
    }

    /** @return false when this (source, recipient, kind) has a delivery already: it is never mailed twice */
    public boolean insert(NewDelivery d) {
        return em.createNativeQuery("""
                        INSERT INTO mail_delivery (source, kind, member_id, to_address, subject, html_body, text_body,
                                                   unsubscribe_url, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, clock_timestamp())
                        ON CONFLICT ON CONSTRAINT mail_delivery_once DO NOTHING""")
                .setParameter(1, d.source()).setParameter(2, d.kind().code()).setParameter(3, d.memberId())
                .setParameter(4, d.to()).setParameter(5, d.mail().subject()).setParameter(6, d.mail().html())
                .setParameter(7, d.mail().text()).setParameter(8, d.unsubscribeUrl())
                .executeUpdate() == 1;
    }

    /** Due pending deliveries, oldest first, locked (SKIP LOCKED: another sender takes the others). */
    public List<Due> claimDue(int limit) {
        return session().doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, kind, member_id, to_address, subject, html_body, text_body, unsubscribe_url, attempts
                    FROM mail_delivery
                    WHERE status = 'PENDING' AND (next_attempt_at IS NULL OR next_attempt_at <= clock_timestamp())
                    ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")) {
                ps.setInt(1, limit);
                List<Due> due = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Due(rs.getLong(1), MailKind.of(rs.getString(2)).orElseThrow(), rs.getLong(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                rs.getInt(9)));
                    }
                }
                return due;
            }
        });
    }

    public void sent(long id) {
        em.createNativeQuery("""
                UPDATE mail_delivery SET status = 'SENT', sent_at = clock_timestamp(), attempts = attempts + 1
                WHERE id = ?1""").setParameter(1, id).executeUpdate();
    }

    /** Not sent and never will be: the recipient unsubscribed or left meanwhile (reason kept). */
    public void dropped(long id, String reason) {
        em.createNativeQuery("UPDATE mail_delivery SET status = 'DROPPED', last_error = ?2 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, truncate(reason)).executeUpdate();
    }

    public void failed(long id, String error) {
        em.createNativeQuery("""
                UPDATE mail_delivery SET status = 'FAILED', attempts = attempts + 1, last_error = ?2 WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, truncate(error)).executeUpdate();
    }

    /** @param failedAttempt whether this counts as a failed attempt (a rate-limited wait does not) */
    public void later(long id, String error, Duration wait, boolean failedAttempt) {
        em.createNativeQuery("""
                        UPDATE mail_delivery SET attempts = attempts + ?4, last_error = ?2,
                               next_attempt_at = clock_timestamp() + make_interval(secs => ?3) WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, truncate(error)).setParameter(3, wait.toMillis() / 1000.0)
                .setParameter(4, failedAttempt ? 1 : 0).executeUpdate();
    }

    public long pendingDeliveries() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM mail_delivery WHERE status = 'PENDING'")
                .getSingleResult()).longValue();
    }

    public long pendingComments() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM comment WHERE status = 'PENDING' AND NOT deleted")
                .getSingleResult()).longValue();
    }

    /** The oldest comments waiting for moderation, with their author's display name. */
    public List<PendingComment> pendingComments(int limit, int excerptLength) {
        return session().doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT c.id, c.article_id, COALESCE(m.display_name, c.guest_name, ''), c.body_text, c.created_at
                    FROM comment c LEFT JOIN member m ON m.id = c.member_id
                    WHERE c.status = 'PENDING' AND NOT c.deleted ORDER BY c.created_at, c.id LIMIT ?""")) {
                ps.setInt(1, limit);
                List<PendingComment> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String text = rs.getString(4).strip();
                        String excerpt = text.codePointCount(0, text.length()) <= excerptLength ? text
                                : text.substring(0, text.offsetByCodePoints(0, excerptLength)) + "…";
                        found.add(new PendingComment(rs.getLong(1), rs.getLong(2), rs.getString(3), excerpt,
                                rs.getTimestamp(5).toInstant()));
                    }
                }
                return found;
            }
        });
    }

    private Session session() {
        return em.unwrap(Session.class);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 500);
    }
}
