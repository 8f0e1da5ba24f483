package dev.spaces.comment.repository;

import dev.spaces.comment.domain.CommentEdit;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CommentEditRepository implements PanacheRepository<CommentEdit> {
}
