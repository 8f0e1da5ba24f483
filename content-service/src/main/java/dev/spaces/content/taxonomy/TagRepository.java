package dev.spaces.content.taxonomy;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class TagRepository implements PanacheRepository<Tag> {

    public Optional<Tag> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public Optional<Tag> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    /** [tag, published article count] — the tag cloud, most used first. */
    public List<Object[]> withPublishedCounts() {
        return getEntityManager().createQuery(
                "select t, (select count(a) from Article a join a.tags x where x = t and a.status = "
                        + "dev.spaces.content.article.ArticleStatus.PUBLISHED) as n from Tag t order by 2 desc, t.name",
                Object[].class).getResultList();
    }
}
