package dev.spaces.comment.domain;

import dev.spaces.commons.markdown.MathFormula;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A comment on an article. The raw Markdown is kept with the rendered HTML and the renderer version, so a
 * policy change can re-render everything. {@code threadId} is the top-level comment of the thread.
 */
@Entity
@Table(name = "comment")
public class Comment {
    /** From comment_id_seq in blocks (see V3__comment_id_blocks.sql): known at persist, before the INSERT. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comment_id")
    @SequenceGenerator(name = "comment_id", sequenceName = "comment_id_seq", allocationSize = 50)
    public Long id;
    @Column(name = "article_id")
    public long articleId;
    @Column(name = "parent_id")
    public Long parentId;
    @Column(name = "thread_id")
    public Long threadId;
    public int depth;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "member_id")
    public Member member;
    @Column(name = "guest_name")
    public String guestName;
    @Column(name = "guest_email")
    public String guestEmail;
    /** [comment import] A guest's web address as an imported blog had it (V6); posting here asks for none. */
    @Column(name = "guest_url")
    public String guestUrl;
    @Column(name = "body_source")
    public String bodySource;
    @Column(name = "body_html")
    public String bodyHtml;
    @Column(name = "body_text")
    public String bodyText;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<MathFormula> formulas = new ArrayList<>();
    @Column(name = "renderer_version")
    public String rendererVersion;
    @Column(name = "body_hash")
    public String bodyHash;
    @Enumerated(EnumType.STRING)
    public CommentStatus status;
    @Column(name = "hold_reason")
    public String holdReason;
    public boolean pinned;
    public boolean deleted;
    /** Maintained by SQL from comment_vote, never by entity updates. */
    @Column(updatable = false)
    public int votes;
    @Column(name = "client_network")
    public String clientNetwork;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "edited_at")
    public Instant editedAt;
    @Version
    public long version;

    public boolean isApproved() {
        return status == CommentStatus.APPROVED;
    }
}
