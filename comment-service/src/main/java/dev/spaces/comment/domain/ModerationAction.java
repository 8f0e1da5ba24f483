package dev.spaces.comment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Audit trail: who moderated what, when and why. */
@Entity
@Table(name = "moderation_action")
public class ModerationAction {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "comment_id")
    public long commentId;
    @Column(name = "moderator_id")
    public long moderatorId;
    public String action;
    public String reason;
    public Instant at;
    /** Open reports this decision closed. */
    @Column(name = "reports_closed")
    public int reportsClosed;
}
