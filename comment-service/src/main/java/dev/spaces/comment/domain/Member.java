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
