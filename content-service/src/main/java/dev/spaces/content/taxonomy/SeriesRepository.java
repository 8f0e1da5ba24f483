package dev.spaces.content.taxonomy;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class SeriesRepository implements PanacheRepository<Series> {

    public Optional<Series> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The series locked until the transaction ends, so concurrent reorders are checked one after the other. */
    public Optional<Series> findBySlugForUpdate(String slug) {
        return find("slug", slug).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<Series> findByTitle(String title) {
        return find("title", title).firstResultOptional();
    }

    /** [series, published part count] ordered by title. */
    public List<Object[]> withPublishedCounts() {
        return getEntityManager().createQuery(
                "select s, (select count(a) from Article a where a.series = s and a.status = "
                        + "dev.spaces.content.article.ArticleStatus.PUBLISHED) from Series s order by s.title",
                Object[].class).getResultList();
    }
}
