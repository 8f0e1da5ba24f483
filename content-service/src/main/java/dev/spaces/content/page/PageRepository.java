package dev.spaces.content.page;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PageRepository implements PanacheRepository<Page> {

    /** Menu order first (pages in the menu before the others), then title: the reader site's menu order. */
    private static final Sort MENU = Sort.by("menuOrder", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST)
            .and("title").and("id");

    public Optional<Page> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** The page, locked until the transaction ends: two editors saving at once get 412, not a lost update. */
    public Optional<Page> findBySlugForUpdate(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** @param status null for every page */
    public List<Page> inMenuOrder(PageStatus status) {
        return status == null ? listAll(MENU) : list("status", MENU, status);
    }

    public boolean slugTaken(String slug, Long exceptId) {
        return exceptId == null ? count("slug", slug) > 0 : count("slug = ?1 and id <> ?2", slug, exceptId) > 0;
    }
}
