package dev.spaces.comment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A member's report of a comment; open until a moderator decides on the comment. */
@Entity
@Table(name = "comment_report")
public class CommentReport {
    /** The reasons a member may give; the table's CHECK holds the same list. */
    public static final String REASONS = "spam|abuse|off-topic|other";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "comment_id")
    public long commentId;
    @Column(name = "member_id")
    public long memberId;
    public String reason;
    public String note;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "closed_by")
    public Long closedBy;
    public String decision;
}
