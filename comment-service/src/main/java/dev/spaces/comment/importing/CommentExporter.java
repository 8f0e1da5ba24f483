package dev.spaces.comment.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.migration.bundle.BundleLines;
import dev.spaces.commons.migration.bundle.ArticleRecord;
import dev.spaces.commons.migration.bundle.BundleRecord;
import dev.spaces.commons.migration.bundle.CommentRecord;
import dev.spaces.commons.migration.bundle.MemberRecord;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.security.Caller;
import dev.spaces.commons.text.Digests;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;

/**
 * Members and comments as bundle lines ({@code member}, then {@code comment}, parents before their replies), read
 * from the database with a cursor and written as they are read, so the export's size does not matter. What
 * {@link CommentImporter} reads back: ids, threads, dates, statuses and guests' fields come out as they went in.
 *
 * <p>Members are pseudonymised unless asked otherwise: a stable opaque name (the same member gets the same one in
 * every export, so their comments still belong together) and no e-mail; guests' e-mail addresses are left out too.
 * {@code full} keeps names, user names and e-mail addresses, for moving the site.
 */
@ApplicationScoped
public class CommentExporter {

    private final EntityManager em;
    private final ObjectMapper json;
    private final CommentImportConfig config;

    public CommentExporter(EntityManager em, ObjectMapper json, CommentImportConfig config) {
        this.em = em;
        this.json = json;
        this.config = config;
    }

    public void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Exporting comments needs the admin role");
        }
    }

    /** Writes the export to {@code out} (the caller checked the admin role first: the answer is already under way). */
    public void write(boolean full, OutputStream out) {
        QuarkusTransaction.requiringNew().timeout((int) config.transactionTimeout().toSeconds()).run(() ->
                em.unwrap(Session.class).doWork(connection -> {
                    try (PreparedStatement ps = connection.prepareStatement("""
                            SELECT id, subject, username, display_name, email, website, joined_at FROM member
                            WHERE deleted_at IS NULL AND id IN (SELECT member_id FROM comment WHERE member_id IS NOT NULL)
                            ORDER BY id""")) {
                        ps.setFetchSize(config.exportFetchSize());
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                String alias = alias(rs.getString(2));
                                line(out, new MemberRecord(memberKey(rs.getLong(1)), full ? rs.getString(3) : alias,
                                        full ? rs.getString(4) : alias, full ? rs.getString(5) : null,
                                        full ? rs.getString(6) : null, MemberRecord.Role.MEMBER,
                                        rs.getObject(7, OffsetDateTime.class).toInstant()));
                            }
                        }
                    }
                    // parents before replies: a reply is always deeper than its parent
                    try (PreparedStatement ps = connection.prepareStatement("""
                            SELECT c.id, c.article_id, c.parent_id, c.created_at, c.member_id, m.deleted_at IS NOT NULL,
                                   c.guest_name, c.guest_email, c.guest_url, c.status, c.deleted, c.body_source
                            FROM comment c LEFT JOIN member m ON m.id = c.member_id
                            ORDER BY c.depth, c.id""")) {
                        ps.setFetchSize(config.exportFetchSize());
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                long memberId = rs.getLong(5);
                                boolean byMember = !rs.wasNull() && !rs.getBoolean(6);
                                line(out, new CommentRecord(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3),
                                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                                        byMember ? memberKey(memberId) : null,
                                        byMember ? null : rs.getString(7),
                                        byMember || !full ? null : rs.getString(8), byMember ? null : rs.getString(9),
                                        null, null, CommentRecord.Type.COMMENT, status(rs.getString(10),
                                        rs.getBoolean(11)), rs.getString(12), ArticleRecord.Format.MARKDOWN));
                            }
                        }
                    }
                }));
    }

    /** Rejected and deleted comments go out as deleted: imported again, they keep their place, hidden. */
    private static CommentRecord.Status status(String status, boolean deleted) {
        if (deleted) {
            return CommentRecord.Status.DELETED;
        }
        return switch (status) {
            case "APPROVED" -> CommentRecord.Status.APPROVED;
            case "PENDING" -> CommentRecord.Status.PENDING;
            case "SPAM" -> CommentRecord.Status.SPAM;
            default -> CommentRecord.Status.DELETED;
        };
    }

    private static String memberKey(long id) {
        return "member:" + id;
    }

    /** The same for a member in every export, and not their name, user name or Keycloak id. */
    private static String alias(String subject) {
        return "member-" + Digests.sha256Hex("spaces-export-member:" + subject, 5);
    }

    private void line(OutputStream out, BundleRecord record) {
        try {
            BundleLines.write(json, out, record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record cannot be written", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
