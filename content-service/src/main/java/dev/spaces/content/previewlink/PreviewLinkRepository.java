package dev.spaces.content.previewlink;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class PreviewLinkRepository implements PanacheRepository<PreviewLink> {

    /** Links of the article that still open it, newest first. */
    public List<PreviewLink> active(long articleId, Instant now) {
        return list("articleId = ?1 and revokedAt is null and expiresAt > ?2 order by createdAt desc, id desc",
                articleId, now);
    }
}
