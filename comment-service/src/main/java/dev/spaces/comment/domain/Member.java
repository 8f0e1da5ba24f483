package dev.spaces.comment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A reader with an account, provisioned from the first authenticated request. */
@Entity
@Table(name = "member")
public class Member {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    /** Keycloak subject. */
    public String subject;
    public String username;
    @Column(name = "display_name")
    public String displayName;
    public String email;
    public String website;
    public String bio;
    @Column(name = "notify_on_reply")
    public boolean notifyOnReply = true;
    /** Mirrors the moderator/admin realm role, refreshed from each token; shown as a badge. */
    public boolean moderator;
    // mail (mail.*): what else this member wants by mail, and in which language; unsubscribe links switch them off
    /** A mail for each new approved comment on an article this member wrote. */
    @Column(name = "notify_on_new_comment")
    public boolean notifyOnNewComment;
    /** The digest of comments waiting for moderation (moderators only). */
    @Column(name = "moderation_digest")
    public boolean moderationDigest = true;
    /** zh-CN or en. */
    @Column(name = "mail_language")
    public String mailLanguage = "zh-CN";
    // end mail
    @Column(name = "joined_at")
    public Instant joinedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;
    @Version
    public long version;

    public boolean deleted() {
        return deletedAt != null;
    }
}
