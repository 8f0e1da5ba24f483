package dev.spaces.comment.repository;

import dev.spaces.comment.domain.Member;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class MemberRepository implements PanacheRepository<Member> {

    public Optional<Member> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    /**
     * Creates the member unless one with this subject exists; concurrent first requests of one identity are then
     * decided by the unique key instead of failing on it (the loser waits for the winner's commit and inserts
     * nothing).
     *
     * @return whether this call created it
     */
    public boolean insertIfAbsent(String subject, String username, String email, String displayName,
                                  boolean moderator, Instant joinedAt) {
        return getEntityManager().createNativeQuery("""
                        INSERT INTO member (subject, username, email, display_name, moderator, joined_at)
                        VALUES (:subject, :username, :email, :displayName, :moderator, :joinedAt)
                        ON CONFLICT (subject) DO NOTHING""")
                .setParameter("subject", subject).setParameter("username", username).setParameter("email", email)
                .setParameter("displayName", displayName).setParameter("moderator", moderator)
                .setParameter("joinedAt", Timestamp.from(joinedAt))
                .executeUpdate() == 1;
    }
}
