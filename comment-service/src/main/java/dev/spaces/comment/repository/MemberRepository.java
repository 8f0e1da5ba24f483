package dev.spaces.comment.repository;

import dev.spaces.comment.domain.Member;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class MemberRepository implements PanacheRepository<Member> {

    public Optional<Member> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }
}
