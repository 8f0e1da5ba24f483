package dev.spaces.comment.repository;

import dev.spaces.comment.domain.ModerationAction;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ModerationRepository implements PanacheRepository<ModerationAction> {
}
