package dev.spaces.content.searchdoc;

import dev.spaces.commons.markdown.MathForms;
import dev.spaces.commons.markdown.MathFormula;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.content.article.Article;
import dev.spaces.content.article.ArticleMapper;
import dev.spaces.content.article.ArticleRepository;
import dev.spaces.content.article.api.AuthorDto;
import dev.spaces.content.article.api.TermDto;
import dev.spaces.content.searchdoc.api.ArticleVersion;
import dev.spaces.content.searchdoc.api.KeysetPage;
import dev.spaces.content.searchdoc.api.SearchDocument;
import dev.spaces.content.taxonomy.Tag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jsoup.Jsoup;

import java.util.Comparator;
import java.util.List;

/**
 * The feed the search service indexes from: published articles only, anything else is "not found" so that
 * drafts never leak into an index.
 */
@ApplicationScoped
public class SearchDocumentService {

    private final ArticleRepository articles;
    private final ArticleMapper mapper;

    public SearchDocumentService(ArticleRepository articles, ArticleMapper mapper) {
        this.articles = articles;
        this.mapper = mapper;
    }

    @Transactional
    public SearchDocument document(long id) {
        return articles.findByIdOptional(id).filter(Article::isPublic).map(this::toDocument)
                .orElseThrow(() -> ProblemException.notFound("Published article " + id));
    }

    @Transactional
    public KeysetPage<SearchDocument> documents(long after, int size) {
        List<Long> ids = articles.publishedIdsAfter(after, size + 1);
        List<SearchDocument> rows = articles.withTaxonomy(ids).stream().map(this::toDocument).toList();
        return KeysetPage.of(rows, size, SearchDocument::id);
    }

    @Transactional
    public KeysetPage<ArticleVersion> versions(long after, int size) {
        List<ArticleVersion> rows = articles.publishedVersionsAfter(after, size + 1).stream()
                .map(r -> new ArticleVersion(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue()))
                .toList();
        return KeysetPage.of(rows, size, ArticleVersion::id);
    }

    private SearchDocument toDocument(Article a) {
        List<String> formulas = a.formulas.stream().sorted(Comparator.comparingInt(MathFormula::index))
                .map(MathFormula::tex).toList();
        List<TermDto> tags = a.tags.stream().sorted(Comparator.comparing((Tag t) -> t.name))
                .map(t -> new TermDto(t.slug, t.name)).toList();
        return new SearchDocument(a.id, a.version, a.slug, a.title, a.plainText, formulas, plainExcerpt(a.excerptHtml),
                a.category == null ? null : new TermDto(a.category.slug, a.category.name), tags,
                a.series == null ? null : new TermDto(a.series.slug, a.series.title),
                new AuthorDto(a.authorId, a.authorName), a.publishedAt, a.updatedAt, a.reads, mapper.url(a));
    }

    /**
     * The excerpt's text: sanitized HTML parsed (not pattern-stripped) so entities decode and blocks separate. Formulas
     * are taken in the TeX form: the text of MathML would run the rendered symbols into the TeX of the annotation.
     */
    static String plainExcerpt(String excerptHtml) {
        return Jsoup.parseBodyFragment(MathForms.tex(excerptHtml)).body().text();
    }
}
