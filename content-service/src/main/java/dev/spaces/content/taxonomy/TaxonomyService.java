package dev.spaces.content.taxonomy;

import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.security.Caller;
import dev.spaces.commons.validation.Slugs;
import dev.spaces.content.article.Article;
import dev.spaces.content.article.ArticleMapper;
import dev.spaces.content.article.ArticleRepository;
import dev.spaces.content.article.ArticleStatus;
import dev.spaces.content.article.events.ArticleEventType;
import dev.spaces.content.article.events.OutboxWriter;
import dev.spaces.commons.problem.Problem;
import dev.spaces.content.common.Preconditions;
import dev.spaces.content.taxonomy.api.SeriesPart;
import dev.spaces.content.taxonomy.api.SeriesPartsResponse;
import dev.spaces.content.common.ContentConfig;
import dev.spaces.content.taxonomy.api.ArchiveEntry;
import dev.spaces.content.taxonomy.api.CategoryRequest;
import dev.spaces.content.taxonomy.api.CategoryResponse;
import dev.spaces.content.taxonomy.api.SeriesRequest;
import dev.spaces.content.taxonomy.api.SeriesResponse;
import dev.spaces.content.taxonomy.api.TagRequest;
import dev.spaces.content.taxonomy.api.TagResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Categories, tags, series and the month archive. Changes need the editor or admin role. */
@ApplicationScoped
public class TaxonomyService {

    private final CategoryRepository categories;
    private final TagRepository tags;
    private final SeriesRepository series;
    private final ArticleRepository articles;
    private final ContentConfig config;
    private final OutboxWriter outbox;

    public TaxonomyService(CategoryRepository categories, TagRepository tags, SeriesRepository series,
                           ArticleRepository articles, ContentConfig config, OutboxWriter outbox) {
        this.categories = categories;
        this.tags = tags;
        this.series = series;
        this.articles = articles;
        this.config = config;
        this.outbox = outbox;
    }

    // ---- reads

    @Transactional
    public List<CategoryResponse> categories() {
        return categories.withPublishedCounts().stream()
                .map(row -> toResponse((Category) row[0], ((Number) row[1]).longValue())).toList();
    }

    @Transactional
    public List<TagResponse> tags() {
        return tags.withPublishedCounts().stream()
                .map(row -> toResponse((Tag) row[0], ((Number) row[1]).longValue())).toList();
    }

    @Transactional
    public List<SeriesResponse> seriesList() {
        return series.withPublishedCounts().stream()
                .map(row -> toResponse((Series) row[0], ((Number) row[1]).longValue(), null)).toList();
    }

    @Transactional
    public SeriesResponse seriesBySlug(String slug) {
        Series s = series.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("Series " + slug));
        List<Article> parts = articles.seriesParts(s);
        return toResponse(s, parts.size(), parts.stream().map(ArticleMapper::ref).toList());
    }

    @Transactional
    public List<ArchiveEntry> archive() {
        return articles.archive(config.timeZone()).stream()
                .map(row -> new ArchiveEntry(((Number) row[0]).intValue(), ((Number) row[1]).intValue(),
                        ((Number) row[2]).longValue())).toList();
    }

    // ---- lookups for article writes

    public Category requireCategory(String slug) {
        return categories.findBySlug(slug)
                .orElseThrow(() -> ProblemException.invalidField("category", "no category with slug '" + slug + "'"));
    }

    public Series requireSeries(String slug) {
        return series.findBySlug(slug)
                .orElseThrow(() -> ProblemException.invalidField("series", "no series with slug '" + slug + "'"));
    }

    /** Tags by name, created when new (authors tag freely, as in every blog engine). */
    public Set<Tag> tagsNamed(List<String> names) {
        Set<Tag> result = new LinkedHashSet<>();
        for (String raw : names) {
            String name = raw.strip();
            Tag tag = tags.findByName(name).orElseGet(() -> {
                Tag created = new Tag();
                created.name = name;
                created.slug = uniqueSlug(Slugs.slugify(name, "tag"), s -> tags.findBySlug(s).isPresent());
                tags.persist(created);
                return created;
            });
            result.add(tag);
        }
        return result;
    }

    public Category categoryNamed(String name) {
        return categories.findByName(name.strip()).orElseGet(() -> {
            Category created = new Category();
            created.name = name.strip();
            created.slug = uniqueSlug(Slugs.slugify(name, "category"), s -> categories.findBySlug(s).isPresent());
            categories.persist(created);
            return created;
        });
    }

    public boolean hasCategory(String slug) {
        return categories.findBySlug(slug).isPresent();
    }

    public boolean hasTag(String slug) {
        return tags.findBySlug(slug).isPresent();
    }

    /**
     * An imported category: the one with its slug (the old {@code /category/{slug}} links keep working), else the one
     * with its name, else a new one with both.
     */
    public Category importedCategory(String slug, String name, String description) {
        String clean = name.strip();
        return categories.findBySlug(slug).or(() -> categories.findByName(clean)).orElseGet(() -> {
            Category created = new Category();
            created.name = clean;
            created.slug = uniqueSlug(slug, s -> categories.findBySlug(s).isPresent());
            created.description = description == null || description.isBlank() ? null : description.strip();
            categories.persist(created);
            return created;
        });
    }

    /** An imported tag: the one with its slug, else with its name, else a new one with both. */
    public Tag importedTag(String slug, String name) {
        String clean = name.strip();
        return tags.findBySlug(slug).or(() -> tags.findByName(clean)).orElseGet(() -> {
            Tag created = new Tag();
            created.name = clean;
            created.slug = uniqueSlug(slug, s -> tags.findBySlug(s).isPresent());
            tags.persist(created);
            return created;
        });
    }

    /** An imported series: the one with its slug, else with its title, else a new one. */
    public Series importedSeries(String slug, String title) {
        String clean = title.strip();
        return series.findBySlug(slug).or(() -> series.findByTitle(clean)).orElseGet(() -> {
            Series created = new Series();
            created.title = clean;
            created.slug = uniqueSlug(slug, s -> series.findBySlug(s).isPresent());
            series.persist(created);
            return created;
        });
    }

    public Series seriesTitled(String title) {
        return series.findByTitle(title.strip()).orElseGet(() -> {
            Series created = new Series();
            created.title = title.strip();
            created.slug = uniqueSlug(Slugs.slugify(title, "series"), s -> series.findBySlug(s).isPresent());
            series.persist(created);
            return created;
        });
    }

    // ---- writes (editor/admin)

    @Transactional
    public CategoryResponse createCategory(Caller caller, CategoryRequest request) {
        requireEditor(caller);
        Category c = new Category();
        applyCategory(c, request);
        categories.persist(c);
        return toResponse(c, 0);
    }

    @Transactional
    public CategoryResponse updateCategory(Caller caller, String slug, CategoryRequest request) {
        requireEditor(caller);
        Category c = categories.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("Category " + slug));
        applyCategory(c, request);
        return toResponse(c, articles.count("category = ?1", c));
    }

    @Transactional
    public void deleteCategory(Caller caller, String slug) {
        requireEditor(caller);
        Category c = categories.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("Category " + slug));
        if (articles.count("category", c) > 0) {
            throw ProblemException.conflict("Category '" + slug + "' still has articles; move them first");
        }
        categories.delete(c);
    }

    @Transactional
    public TagResponse createTag(Caller caller, TagRequest request) {
        requireEditor(caller);
        Tag t = new Tag();
        applyTag(t, request);
        tags.persist(t);
        return toResponse(t, 0);
    }

    @Transactional
    public TagResponse updateTag(Caller caller, String slug, TagRequest request) {
        requireEditor(caller);
        Tag t = tags.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("Tag " + slug));
        applyTag(t, request);
        return toResponse(t, 0);
    }

    /** Deleting a tag removes it from its articles (join rows cascade). */
    @Transactional
    public void deleteTag(Caller caller, String slug) {
        requireEditor(caller);
        Tag t = tags.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("Tag " + slug));
        for (Article a : articles.list("select a from Article a join a.tags t where t = ?1", t)) {
            a.tags.remove(t);
        }
        tags.delete(t);
    }

    @Transactional
    public SeriesResponse createSeries(Caller caller, SeriesRequest request) {
        requireEditor(caller);
        Series s = new Series();
        applySeries(s, request);
        series.persist(s);
        return toResponse(s, 0, List.of());
    }

    @Transactional
    public SeriesResponse updateSeries(Caller caller, String slug, SeriesRequest request) {
        requireEditor(caller);
        Series s = series.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("Series " + slug));
        applySeries(s, request);
        s.version++;
        return toResponse(s, articles.count("series", s), null);
    }

    // ---- the parts' order (editor/admin)

    /** Every part, drafts included, in reading order: what Studio's reorder starts from. */
    @Transactional
    public SeriesPartsResponse seriesParts(Caller caller, String slug) {
        requireEditor(caller);
        Series s = series.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("Series " + slug));
        return partsResponse(s, articles.allSeriesParts(s));
    }

    /**
     * Puts the parts in the order given: positions 1..n. The ids must be exactly the current parts (none missing,
     * none foreign, none twice), so a reorder never adds or drops a part by accident. Only the positions change: no
     * revision (the text is untouched), but each moved article's version moves on, so an editor tab still holding
     * the old position gets a 412 instead of putting it back; published parts that moved emit article.updated,
     * because their position is part of what the public reads (series navigation).
     */
    @Transactional
    public SeriesPartsResponse reorderSeries(Caller caller, String slug, String ifMatch, List<Long> articleIds) {
        requireEditor(caller);
        Series s = series.findBySlugForUpdate(slug).orElseThrow(() -> ProblemException.notFound("Series " + slug));
        Preconditions.requireVersion(ifMatch, s.version, "series " + slug);
        List<Article> parts = articles.allSeriesParts(s);
        java.util.Map<Long, Article> byId = new java.util.HashMap<>();
        parts.forEach(a -> byId.put(a.id, a));
        if (articleIds.size() != parts.size() || !byId.keySet().equals(new java.util.HashSet<>(articleIds))) {
            throw ProblemException.invalidField("articleIds", "must list each of the series' " + parts.size()
                    + " parts exactly once (current parts: " + parts.stream().map(a -> a.id).toList()
                    + "); reload the series and try again");
        }
        List<Article> moved = new ArrayList<>();
        for (int i = 0; i < articleIds.size(); i++) {
            Article a = byId.get(articleIds.get(i));
            Integer position = i + 1;
            if (!position.equals(a.seriesPosition)) {
                a.seriesPosition = position;
                moved.add(a);
            }
        }
        s.version++;
        articles.flush(); // the moved articles' new versions, for their events
        for (Article a : moved) {
            if (a.status == ArticleStatus.PUBLISHED) {
                outbox.articleEvent(ArticleEventType.UPDATED, a);
            }
        }
        return partsResponse(s, articleIds.stream().map(byId::get).toList());
    }

    private static SeriesPartsResponse partsResponse(Series s, List<Article> parts) {
        return new SeriesPartsResponse(s.slug, s.title, s.version, parts.stream()
                .map(a -> new SeriesPart(a.id, a.slug, a.title, a.status.name().toLowerCase(), a.seriesPosition))
                .toList());
    }

    @Transactional
    public void deleteSeries(Caller caller, String slug) {
        requireEditor(caller);
        Series s = series.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("Series " + slug));
        if (articles.count("series", s) > 0) {
            throw ProblemException.conflict("Series '" + slug + "' still has articles; move them first");
        }
        series.delete(s);
    }

    private void applyCategory(Category c, CategoryRequest r) {
        String slug = r.slug() != null ? r.slug() : Slugs.slugify(r.name(), "category");
        String name = r.name().strip();
        requireFree(categories.findBySlug(slug), c, "slug", "A category with slug '" + slug + "' exists");
        requireFree(categories.findByName(name), c, "name", "A category named '" + name + "' exists");
        c.slug = slug;
        c.name = name;
        c.description = r.description();
    }

    private void applyTag(Tag t, TagRequest r) {
        String slug = r.slug() != null ? r.slug() : Slugs.slugify(r.name(), "tag");
        String name = r.name().strip();
        requireFree(tags.findBySlug(slug), t, "slug", "A tag with slug '" + slug + "' exists");
        requireFree(tags.findByName(name), t, "name", "A tag named '" + name + "' exists");
        t.slug = slug;
        t.name = name;
    }

    private void applySeries(Series s, SeriesRequest r) {
        String slug = r.slug() != null ? r.slug() : Slugs.slugify(r.title(), "series");
        String title = r.title().strip();
        requireFree(series.findBySlug(slug), s, "slug", "A series with slug '" + slug + "' exists");
        requireFree(series.findByTitle(title), s, "title", "A series titled '" + title + "' exists");
        s.slug = slug;
        s.title = title;
        s.description = r.description();
    }

    /**
     * Slugs and names are unique: a term other than the one being saved already holding it is a conflict. The 409
     * names the field (as a 422 does), so a form can say it at the input that caused it.
     */
    private static <T> void requireFree(java.util.Optional<T> holder, T self, String field, String conflict) {
        if (holder.isPresent() && holder.get() != self) {
            throw ProblemException.conflict(conflict).withErrors(List.of(new Problem.FieldError(field, conflict)));
        }
    }

    private static void requireEditor(Caller caller) {
        if (!caller.isEditor()) {
            throw ProblemException.forbidden("Managing categories, tags and series needs the editor or admin role");
        }
    }

    private static String uniqueSlug(String base, Predicate<String> taken) {
        String candidate = base;
        for (int n = 2; taken.test(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private static CategoryResponse toResponse(Category c, long count) {
        return new CategoryResponse(c.id, c.slug, c.name, c.description, count);
    }

    private static TagResponse toResponse(Tag t, long count) {
        return new TagResponse(t.id, t.slug, t.name, count);
    }

    private static SeriesResponse toResponse(Series s, long count, List<dev.spaces.content.article.api.ArticleRef> parts) {
        return new SeriesResponse(s.id, s.slug, s.title, s.description, count,
                parts == null ? null : new ArrayList<>(parts));
    }
}
