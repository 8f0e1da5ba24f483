package dev.spaces.content.article;

import dev.spaces.content.taxonomy.Series;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class ArticleRepository implements PanacheRepository<Article> {

    public Optional<Article> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public Optional<Article> findByImportKey(String key) {
        return find("importKey", key).firstResultOptional();
    }

    public boolean slugTaken(String slug, Long exceptId) {
        return count("slug = ?1 and id <> ?2", slug, exceptId == null ? -1L : exceptId) > 0;
    }

    public PanacheQuery<Article> search(ArticleQuery query) {
        Filter filter = filter(query);
        return find("from Article a where " + filter.where(), filter.sort(), filter.params());
    }

    /** Number of articles a listing matches. */
    public long count(ArticleQuery query) {
        // an explicit count statement: Hibernate caches its translation (deriving one from the query does not)
        Filter filter = filter(query);
        var typed = getEntityManager().createQuery("select count(a) from Article a where " + filter.where(), Long.class);
        filter.params().map().forEach(typed::setParameter);
        return typed.getSingleResult();
    }

    private static final String ROW = "select new dev.spaces.content.article.ArticleRow(a.id, a.slug, a.title, "
            + "a.status, a.excerptHtml, a.publishedAt, a.updatedAt, a.authorId, a.authorName, c.slug, c.name, "
            + "s.slug, s.title, a.seriesPosition, a.reads, a.coverImages) "
            + "from Article a left join a.category c left join a.series s ";

    /** One page of a listing as rows: the columns it shows, no bodies, no entity per article. */
    public List<ArticleRow> rows(ArticleQuery query, int page, int size) {
        Filter filter = filter(query);
        var typed = getEntityManager().createQuery(ROW + "where " + filter.where() + " order by " + filter.orderBy(),
                ArticleRow.class);
        filter.params().map().forEach(typed::setParameter);
        return typed.setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
    }

    /** Rows of the given articles, in the given order. */
    public List<ArticleRow> rowsByIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, ArticleRow> found = new HashMap<>();
        getEntityManager().createQuery(ROW + "where a.id in :ids", ArticleRow.class).setParameter("ids", ids)
                .getResultList().forEach(row -> found.put(row.id(), row));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** The tags of the given articles, by name: one query for a whole page. */
    public Map<Long, List<ArticleRow.TagRow>> tagsOf(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<ArticleRow.TagRow>> tags = new HashMap<>();
        // SQL: a list parameter makes Hibernate translate an HQL statement anew on every call
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        SELECT at.article_id, t.slug, t.name FROM article_tag at JOIN tag t ON t.id = at.tag_id
                        WHERE at.article_id IN (:ids)""", Object[].class)
                .setParameter("ids", ids).getResultList();
        for (Object[] row : rows) {
            long articleId = ((Number) row[0]).longValue();
            tags.computeIfAbsent(articleId, id -> new ArrayList<>())
                    .add(new ArticleRow.TagRow(articleId, (String) row[1], (String) row[2]));
        }
        return tags;
    }

    private record Filter(String where, Parameters params, Sort sort, String orderBy) {
    }

    private static Filter filter(ArticleQuery query) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        where.add("a.status = :status");
        params.and("status", query.status() == null ? ArticleStatus.PUBLISHED : query.status());
        if (query.categorySlug() != null) {
            where.add("a.category.slug = :category");
            params.and("category", query.categorySlug());
        }
        if (query.tagSlug() != null) {
            where.add("exists (select 1 from Article x join x.tags t where x = a and t.slug = :tag)");
            params.and("tag", query.tagSlug());
        }
        if (query.seriesSlug() != null) {
            where.add("a.series.slug = :series");
            params.and("series", query.seriesSlug());
        }
        if (query.from() != null) {
            where.add("a.publishedAt >= :from");
            params.and("from", query.from());
        }
        if (query.until() != null) {
            where.add("a.publishedAt < :until");
            params.and("until", query.until());
        }
        if (query.authorId() != null) {
            where.add("a.authorId = :author");
            params.and("author", query.authorId());
        }
        if (query.text() != null && !query.text().isBlank()) {
            // Studio's "find my article" over drafts too (the search service indexes only published ones); a
            // blog's few thousand titles scan in a millisecond, so no index
            where.add("(lower(a.title) like :text escape '\\' or a.slug like :text escape '\\')");
            String escaped = query.text().strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.and("text", "%" + escaped + "%");
        }
        Sort sort = switch (query.order()) {
            case READS -> Sort.descending("a.reads").and("a.id", Sort.Direction.Descending);
            case UPDATED -> Sort.descending("a.updatedAt").and("a.id", Sort.Direction.Descending);
            case PUBLISHED -> Sort.by("a.publishedAt", Sort.Direction.Descending, Sort.NullPrecedence.NULLS_LAST)
                    .and("a.id", Sort.Direction.Descending);
        };
        String orderBy = switch (query.order()) {
            case READS -> "a.reads desc, a.id desc";
            case UPDATED -> "a.updatedAt desc, a.id desc";
            case PUBLISHED -> "a.publishedAt desc nulls last, a.id desc";
        };
        return new Filter(String.join(" and ", where), params, sort, orderBy);
    }

    public List<Article> page(PanacheQuery<Article> query, int page, int size) {
        return query.page(Page.of(page - 1, size)).list();
    }

    /** Published parts of a series in reading order. */
    public List<Article> seriesParts(Series series) {
        return list("series = ?1 and status = ?2",
                Sort.by("seriesPosition", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST)
                        .and("publishedAt").and("id"),
                series, ArticleStatus.PUBLISHED);
    }

    /** Every part of a series, whatever its status, in the reading order the public lists use (Studio's reorder). */
    public List<Article> allSeriesParts(Series series) {
        return list("series = ?1", Sort.by("seriesPosition", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST)
                .and("publishedAt", Sort.Direction.Ascending, Sort.NullPrecedence.NULLS_LAST).and("id"), series);
    }

    /** [id, slug, title, seriesPosition] of a series' published parts in reading order, for the navigation. */
    public List<Object[]> seriesRefs(Series series) {
        return getEntityManager().createQuery("""
                        SELECT a.id, a.slug, a.title, a.seriesPosition FROM Article a
                        WHERE a.series = :series AND a.status = :status
                        ORDER BY a.seriesPosition ASC NULLS LAST, a.publishedAt, a.id""", Object[].class)
                .setParameter("series", series).setParameter("status", ArticleStatus.PUBLISHED).getResultList();
    }

    /** [year, month, count] of published articles, newest first, months in the site's time zone. */
    @SuppressWarnings("unchecked")
    public List<Object[]> archive(ZoneId zone) {
        return getEntityManager().createNativeQuery("""
                SELECT CAST(EXTRACT(YEAR FROM published_at AT TIME ZONE :tz) AS INT) AS y,
                       CAST(EXTRACT(MONTH FROM published_at AT TIME ZONE :tz) AS INT) AS m,
                       COUNT(*) AS n
                FROM article WHERE status = 'PUBLISHED' AND published_at IS NOT NULL
                GROUP BY y, m ORDER BY y DESC, m DESC""")
                .setParameter("tz", zone.getId()).getResultList();
    }

    /** Published article ids ordered by reads within the window, then by all-time reads. */
    @SuppressWarnings("unchecked")
    public List<Long> popularIds(LocalDate since, int limit) {
        List<Number> ids = getEntityManager().createNativeQuery("""
                SELECT a.id FROM article a
                LEFT JOIN (SELECT article_id, SUM(reads) AS recent FROM article_daily_reads
                           WHERE day >= :since GROUP BY article_id) d ON d.article_id = a.id
                WHERE a.status = 'PUBLISHED'
                ORDER BY COALESCE(d.recent, 0) DESC, a.reads DESC, a.id DESC LIMIT :limit""")
                .setParameter("since", since).setParameter("limit", limit).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Published articles sharing series (3), tags (2 each) or category (1) with the article; never itself. */
    @SuppressWarnings("unchecked")
    public List<Long> relatedIds(Article article, int limit) {
        // -1 stands for "none": ids are positive, and typed parameters keep PostgreSQL's planner happy.
        long series = article.series == null ? -1 : article.series.id;
        long category = article.category == null ? -1 : article.category.id;
        List<Number> ids = getEntityManager().createNativeQuery("""
                SELECT a.id FROM (
                    SELECT a.id, a.published_at,
                           (CASE WHEN a.series_id = :series THEN 3 ELSE 0 END)
                         + 2 * (SELECT COUNT(*) FROM article_tag t1 JOIN article_tag t2 ON t1.tag_id = t2.tag_id
                                WHERE t1.article_id = a.id AND t2.article_id = :id)
                         + (CASE WHEN a.category_id = :category THEN 1 ELSE 0 END) AS score
                    FROM article a
                    WHERE a.status = 'PUBLISHED' AND a.id <> :id) a
                WHERE a.score > 0
                ORDER BY a.score DESC, a.published_at DESC, a.id DESC
                LIMIT :limit""")
                .setParameter("id", article.id)
                .setParameter("series", series)
                .setParameter("category", category)
                .setParameter("limit", limit)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Ids of published articles after {@code after}, ascending: the keyset the search feed pages by. */
    public List<Long> publishedIdsAfter(long after, int limit) {
        return getEntityManager().createQuery(
                        "select a.id from Article a where a.status = :status and a.id > :after order by a.id", Long.class)
                .setParameter("status", ArticleStatus.PUBLISHED).setParameter("after", after)
                .setMaxResults(limit).getResultList();
    }

    /** Articles with category, series and tags fetched in one query, in ascending id order. */
    public List<Article> withTaxonomy(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("""
                        select distinct a from Article a left join fetch a.category left join fetch a.series
                        left join fetch a.tags where a.id in :ids order by a.id""", Article.class)
                .setParameter("ids", ids).getResultList();
    }

    /** [id, version, reads] of published articles after {@code after}, ascending by id. */
    @SuppressWarnings("unchecked")
    public List<Object[]> publishedVersionsAfter(long after, int limit) {
        return getEntityManager().createNativeQuery("""
                        SELECT id, version, reads FROM article WHERE status = 'PUBLISHED' AND id > :after
                        ORDER BY id LIMIT :limit""")
                .setParameter("after", after).setParameter("limit", limit).getResultList();
    }

    /** Scheduled articles whose time has come, locked so that only one replica publishes each. */
    public List<Article> dueForPublication(Instant now, int limit) {
        return getEntityManager().createQuery(
                        "from Article a where a.status = :status and a.scheduledAt <= :now order by a.scheduledAt",
                        Article.class)
                .setParameter("status", ArticleStatus.SCHEDULED).setParameter("now", now)
                .setMaxResults(limit)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .getResultList();
    }

    /** Adds buffered reads: one statement per article instead of one lock per view. */
    public void addReads(long articleId, long reads, LocalDate day) {
        getEntityManager().createNativeQuery("UPDATE article SET reads = reads + :n WHERE id = :id")
                .setParameter("n", reads).setParameter("id", articleId).executeUpdate();
        getEntityManager().createNativeQuery("""
                INSERT INTO article_daily_reads (article_id, day, reads)
                SELECT :id, :day, :n WHERE EXISTS (SELECT 1 FROM article WHERE id = :id)
                ON CONFLICT (article_id, day) DO UPDATE SET reads = article_daily_reads.reads + EXCLUDED.reads""")
                .setParameter("n", reads).setParameter("id", articleId).setParameter("day", day).executeUpdate();
    }
}
