package dev.spaces.comment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The body a comment had before an edit (for moderators). */
@Entity
@Table(name = "comment_edit")
public class CommentEdit {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "comment_id")
    public long commentId;
    @Column(name = "body_source")
    public String bodySource;
    @Column(name = "replaced_at")
    public Instant replacedAt;
}
