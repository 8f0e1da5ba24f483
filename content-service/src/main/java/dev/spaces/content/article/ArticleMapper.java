package dev.spaces.content.article;

import dev.spaces.content.article.api.ArticleRef;
import dev.spaces.content.article.api.ArticleResponse;
import dev.spaces.content.article.api.ArticleSummary;
import dev.spaces.content.article.api.AuthorDto;
import dev.spaces.content.article.api.CoverImageDto;
import dev.spaces.content.article.api.SeriesNavDto;
import dev.spaces.content.article.api.TermDto;
import dev.spaces.content.common.ContentConfig;
import dev.spaces.content.taxonomy.Tag;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Comparator;
import java.util.List;

/** Entity → response records; entities never leave the service. */
@ApplicationScoped
public class ArticleMapper {

    private final ArticleRepository articles;
    private final ContentConfig config;

    public ArticleMapper(ArticleRepository articles, ContentConfig config) {
        this.articles = articles;
        this.config = config;
    }

    public ArticleResponse full(Article a, boolean withSource) {
        return new ArticleResponse(a.id, a.slug, a.title, a.status.name().toLowerCase(), a.html, a.excerptHtml,
                List.copyOf(a.formulas), a.diagnostics.isEmpty() ? null : List.copyOf(a.diagnostics),
                a.publishedAt, a.scheduledAt, a.createdAt, a.updatedAt, author(a), category(a), tags(a),
                seriesNavigation(a), a.coverImages.stream().map(ArticleMapper::cover).toList(), a.reads, a.version,
                url(a), "/api/v1/articles/" + a.id + "/citation", withSource ? a.markdown : null);
    }

    /** A listed article from its row and its tags (ordered by name, as on the full article). */
    public ArticleSummary summary(ArticleRow a, List<ArticleRow.TagRow> tags) {
        SeriesNavDto series = a.seriesSlug() == null ? null
                : new SeriesNavDto(a.seriesSlug(), a.seriesTitle(), a.seriesPosition(), 0, null, null);
        CoverImageDto cover = a.coverImages() == null || a.coverImages().isEmpty() ? null
                : cover(a.coverImages().getFirst());
        return new ArticleSummary(a.id(), a.slug(), a.title(), a.status().name().toLowerCase(), a.excerptHtml(),
                a.publishedAt(), a.updatedAt(), new AuthorDto(a.authorId(), a.authorName()),
                a.categorySlug() == null ? null : new TermDto(a.categorySlug(), a.categoryName()),
                tags == null ? List.of() : tags.stream().sorted(Comparator.comparing(ArticleRow.TagRow::name))
                        .map(t -> new TermDto(t.slug(), t.name())).toList(),
                series, a.reads(), cover);
    }

    /** Listed articles from their rows, with the tags of all of them fetched in one query. */
    public List<ArticleSummary> summaries(List<ArticleRow> rows) {
        var tags = articles.tagsOf(rows.stream().map(ArticleRow::id).toList());
        return rows.stream().map(row -> summary(row, tags.get(row.id()))).toList();
    }

    public String url(Article a) {
        return config.siteUrl() + "/archives/" + a.id;
    }

    public static ArticleRef ref(Article a) {
        return new ArticleRef(a.id, a.slug, a.title, a.seriesPosition);
    }

    private SeriesNavDto seriesNavigation(Article a) {
        if (a.series == null) {
            return null;
        }
        // only the parts' references: loading every part as an entity made a long series cost its whole text
        List<Object[]> parts = articles.seriesRefs(a.series);
        int index = -1;
        for (int i = 0; i < parts.size(); i++) {
            if (a.id.equals(parts.get(i)[0])) {
                index = i;
            }
        }
        ArticleRef previous = index > 0 ? seriesRef(parts.get(index - 1)) : null;
        ArticleRef next = index >= 0 && index + 1 < parts.size() ? seriesRef(parts.get(index + 1)) : null;
        return new SeriesNavDto(a.series.slug, a.series.title, a.seriesPosition, parts.size(), previous, next);
    }

    private static ArticleRef seriesRef(Object[] row) {
        return new ArticleRef((Long) row[0], (String) row[1], (String) row[2], (Integer) row[3]);
    }

    private static AuthorDto author(Article a) {
        return new AuthorDto(a.authorId, a.authorName);
    }

    private static TermDto category(Article a) {
        return a.category == null ? null : new TermDto(a.category.slug, a.category.name);
    }

    private static List<TermDto> tags(Article a) {
        return a.tags.stream().sorted(Comparator.comparing((Tag t) -> t.name))
                .map(t -> new TermDto(t.slug, t.name)).toList();
    }

    static CoverImageDto cover(CoverImage image) {
        return new CoverImageDto(image.mediaId(), image.url(), image.caption(), image.alt(), image.width(),
                image.height(), image.srcset());
    }
}
