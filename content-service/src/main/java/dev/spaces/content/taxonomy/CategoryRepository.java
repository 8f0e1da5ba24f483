package dev.spaces.content.taxonomy;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CategoryRepository implements PanacheRepository<Category> {

    public Optional<Category> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public Optional<Category> findByName(String name) {
        return find("name", name).firstResultOptional();
    }

    /** [category, published article count] ordered by name. */
    public List<Object[]> withPublishedCounts() {
        return getEntityManager().createQuery(
                "select c, (select count(a) from Article a where a.category = c and a.status = "
                        + "dev.spaces.content.article.ArticleStatus.PUBLISHED) from Category c order by c.name",
                Object[].class).getResultList();
    }

    public List<Category> listByName() {
        return listAll(Sort.by("name"));
    }
}
