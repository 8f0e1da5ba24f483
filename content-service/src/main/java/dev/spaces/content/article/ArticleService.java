package dev.spaces.content.article;

import dev.spaces.commons.http.EntityTags;
import dev.spaces.commons.http.PageResponse;
import dev.spaces.commons.markdown.FormulaDiagnostic;
import dev.spaces.commons.markdown.HtmlPolicy;
import dev.spaces.commons.markdown.MarkdownPipeline;
import dev.spaces.commons.markdown.RenderedDocument;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.security.Caller;
import dev.spaces.commons.validation.Slugs;
import dev.spaces.content.article.api.ArticleCreateRequest;
import dev.spaces.content.article.api.ArticleResponse;
import dev.spaces.content.article.api.ArticleSummary;
import dev.spaces.content.article.api.AuthorDto;
import dev.spaces.content.article.api.PublishRequest;
import dev.spaces.content.article.api.RevisionResponse;
import dev.spaces.content.article.events.ArticleEventType;
import dev.spaces.content.article.events.OutboxWriter;
import dev.spaces.content.common.ContentConfig;
import dev.spaces.content.taxonomy.TaxonomyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Article lifecycle: drafts, revisions, publishing (now or scheduled), unpublishing and archiving. */
@ApplicationScoped
public class ArticleService {

    private final ArticleRepository articles;
    private final RevisionRepository revisions;
    private final TaxonomyService taxonomy;
    private final MarkdownPipeline pipeline;
    private final OutboxWriter outbox;
    private final ArticleMapper mapper;
    private final ContentConfig config;
    private final CoverImages covers;

    public ArticleService(ArticleRepository articles, RevisionRepository revisions, TaxonomyService taxonomy,
                          MarkdownPipeline pipeline, OutboxWriter outbox, ArticleMapper mapper, ContentConfig config,
                          CoverImages covers) {
        this.covers = covers;
        this.articles = articles;
        this.revisions = revisions;
        this.taxonomy = taxonomy;
        this.pipeline = pipeline;
        this.outbox = outbox;
        this.mapper = mapper;
        this.config = config;
    }

    @Transactional
    public ArticleResponse get(Caller caller, long id) {
        Article article = visible(caller, id);
        return mapper.full(article, ArticleAccess.canEdit(caller, article));
    }

    @Transactional
    public ArticleResponse getBySlug(Caller caller, String slug) {
        Article article = articles.findBySlug(slug).orElseThrow(() -> ProblemException.notFound("Article " + slug));
        ArticleAccess.requireVisible(caller, article);
        return mapper.full(article, ArticleAccess.canEdit(caller, article));
    }

    @Transactional
    public PageResponse<ArticleSummary> list(Caller caller, ArticleQuery query, int page, int size) {
        ArticleQuery effective = query;
        if (query.status() != null && query.status() != ArticleStatus.PUBLISHED) {
            // Unpublished listings: editors see everyone's, authors their own, others nothing.
            if (!caller.canWrite()) {
                throw ProblemException.forbidden("Listing unpublished articles needs the author or editor role");
            }
            if (!caller.isEditor() && !caller.subject().equals(query.authorId())) {
                effective = query.byAuthor(caller.subject());
            }
        }
        long total = articles.count(effective);
        // rows (no bodies, no entities) and the page's tags in one query: a page is three queries, not 2 + 20
        List<ArticleSummary> items = total <= (long) (page - 1) * size ? List.of()
                : mapper.summaries(articles.rows(effective, page, size));
        return PageResponse.of(items, page, size, total);
    }

    @Transactional
    public ArticleResponse create(Caller caller, ArticleCreateRequest request) {
        ArticleAccess.requireWriter(caller);
        Article article = new Article();
        article.authorId = caller.subject();
        article.authorName = caller.displayName();
        article.createdAt = Instant.now();
        article.status = ArticleStatus.DRAFT;
        applyRequest(article, request);
        articles.persist(article);
        articles.flush();
        addRevision(article, caller, "created");
        return mapper.full(article, true);
    }

    @Transactional
    public ArticleResponse update(Caller caller, long id, String ifMatch, ArticleCreateRequest request) {
        Article article = visible(caller, id);
        ArticleAccess.requireEditable(caller, article);
        checkVersion(article, ifMatch);
        applyRequest(article, request);
        if (article.isPublic() && !article.diagnostics.isEmpty()) {
            throw invalidFormulas(article.diagnostics);
        }
        articles.flush();
        addRevision(article, caller, null);
        if (article.isPublic()) {
            outbox.articleEvent(ArticleEventType.UPDATED, article);
        }
        return mapper.full(article, true);
    }

    @Transactional
    public ArticleResponse publish(Caller caller, long id, PublishRequest request) {
        Article article = visible(caller, id);
        ArticleAccess.requireEditable(caller, article);
        if (!article.diagnostics.isEmpty()) {
            throw invalidFormulas(article.diagnostics);
        }
        Instant now = Instant.now();
        Instant at = request == null ? null : request.publishAt();
        if (at != null && at.isAfter(now)) {
            article.status = ArticleStatus.SCHEDULED;
            article.scheduledAt = at;
            article.updatedAt = now;
            articles.flush();
            return mapper.full(article, true);
        }
        boolean wasPublic = article.isPublic();
        article.status = ArticleStatus.PUBLISHED;
        article.scheduledAt = null;
        if (at != null || article.publishedAt == null) {
            article.publishedAt = at != null ? at : now;
        }
        article.updatedAt = now;
        articles.flush();
        outbox.articleEvent(wasPublic ? ArticleEventType.UPDATED : ArticleEventType.PUBLISHED, article);
        return mapper.full(article, true);
    }

    @Transactional
    public ArticleResponse unpublish(Caller caller, long id) {
        Article article = visible(caller, id);
        ArticleAccess.requireEditable(caller, article);
        boolean wasPublic = article.isPublic();
        article.status = ArticleStatus.DRAFT;
        article.scheduledAt = null;
        article.updatedAt = Instant.now();
        articles.flush();
        if (wasPublic) {
            outbox.articleEvent(ArticleEventType.UNPUBLISHED, article);
        }
        return mapper.full(article, true);
    }

    /** DELETE archives: the article and its revisions stay, the public no longer sees it. */
    @Transactional
    public void archive(Caller caller, long id) {
        Article article = visible(caller, id);
        ArticleAccess.requireEditable(caller, article);
        if (article.status == ArticleStatus.ARCHIVED) {
            return;
        }
        article.status = ArticleStatus.ARCHIVED;
        article.scheduledAt = null;
        article.updatedAt = Instant.now();
        articles.flush();
        outbox.articleEvent(ArticleEventType.DELETED, article);
    }

    @Transactional
    public List<RevisionResponse> revisions(Caller caller, long id) {
        Article article = visible(caller, id);
        ArticleAccess.requireEditable(caller, article);
        return revisions.forArticle(id).stream().map(r -> revision(r, false)).toList();
    }

    @Transactional
    public RevisionResponse revision(Caller caller, long id, int number) {
        Article article = visible(caller, id);
        ArticleAccess.requireEditable(caller, article);
        return revision(revisions.find(id, number)
                .orElseThrow(() -> ProblemException.notFound("Revision " + number + " of article " + id)), true);
    }

    @Transactional
    public ArticleResponse restore(Caller caller, long id, int number, String ifMatch) {
        Article article = visible(caller, id);
        ArticleAccess.requireEditable(caller, article);
        // optional (older clients restore without it), but when named it must be current: a restore chosen while
        // looking at a version someone has since replaced would silently throw their save away
        if (ifMatch != null && !ifMatch.isBlank()) {
            checkVersion(article, ifMatch);
        }
        ArticleRevision old = revisions.find(id, number)
                .orElseThrow(() -> ProblemException.notFound("Revision " + number + " of article " + id));
        applyContent(article, old.title, old.markdown);
        if (article.isPublic() && !article.diagnostics.isEmpty()) {
            throw invalidFormulas(article.diagnostics);
        }
        article.updatedAt = Instant.now();
        articles.flush();
        addRevision(article, caller, "restored revision " + number);
        if (article.isPublic()) {
            outbox.articleEvent(ArticleEventType.UPDATED, article);
        }
        return mapper.full(article, true);
    }

    /** Publishes scheduled articles whose time has come; rows are locked so replicas never publish twice. */
    @Transactional
    public int publishDue(Instant now) {
        List<Article> due = articles.dueForPublication(now, 100);
        for (Article article : due) {
            article.status = ArticleStatus.PUBLISHED;
            article.publishedAt = article.scheduledAt;
            article.scheduledAt = null;
            article.updatedAt = now;
            articles.flush();
            outbox.articleEvent(ArticleEventType.PUBLISHED, article);
        }
        return due.size();
    }

    @Transactional
    public PageResponse<ArticleSummary> popular(int days, int limit) {
        List<Long> ids = articles.popularIds(LocalDate.now(config.timeZone()).minusDays(days - 1L), limit);
        return PageResponse.of(mapper.summaries(articles.rowsByIds(ids)), 1, limit, ids.size());
    }

    @Transactional
    public List<ArticleSummary> related(Caller caller, long id, int limit) {
        Article article = visible(caller, id);
        return mapper.summaries(articles.rowsByIds(articles.relatedIds(article, limit)));
    }

    /** The article, if {@code caller} may see it (else 404); also how citations find their article. */
    public Article visible(Caller caller, long id) {
        Article article = articles.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Article " + id));
        ArticleAccess.requireVisible(caller, article);
        return article;
    }

    private void applyRequest(Article article, ArticleCreateRequest request) {
        applyContent(article, request.title(), request.markdown());
        article.slug = chooseSlug(request.slug(), request.title(), article.id);
        article.category = request.category() == null ? null : taxonomy.requireCategory(request.category());
        article.series = request.series() == null ? null : taxonomy.requireSeries(request.series());
        article.seriesPosition = article.series == null ? null : request.seriesPosition();
        article.tags.clear();
        if (request.tags() != null) {
            article.tags.addAll(taxonomy.tagsNamed(request.tags()));
        }
        article.coverImages = covers.resolve(request.coverImages());
        article.updatedAt = Instant.now();
    }

    /** Renders Markdown + LaTeX for an article, refusing sources over the size limit. */
    public RenderedDocument render(String markdown) {
        int bytes = markdown.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.maxMarkdownBytes()) {
            throw new ProblemException(413, "payload-too-large", "Content too large",
                    "The Markdown source is " + bytes + " bytes; the limit is " + config.maxMarkdownBytes());
        }
        return pipeline.render(markdown, HtmlPolicy.ARTICLE);
    }

    /** Renders and stores title and Markdown; import writes articles through this too, so both render alike. */
    public void applyContent(Article article, String title, String markdown) {
        RenderedDocument doc = render(markdown);
        article.title = title.strip();
        article.markdown = markdown;
        keepRendering(article, doc);
    }

    private static void keepRendering(Article article, RenderedDocument doc) {
        article.html = doc.html();
        article.excerptHtml = doc.excerptHtml();
        article.plainText = doc.plainText();
        article.formulas = new ArrayList<>(doc.formulas());
        article.diagnostics = new ArrayList<>(doc.diagnostics());
        article.renderVersion = MarkdownPipeline.VERSION;
    }

    /**
     * Renders again, from their Markdown, up to {@code limit} articles that an older pipeline version rendered. The
     * source is unchanged, so no event goes out and updatedAt stays; the version (ETag) moves, since the HTML did.
     *
     * @return how many were re-rendered
     */
    @Transactional
    public int rerenderOutdated(int limit) {
        // SKIP LOCKED: replicas share the work instead of colliding on the same rows
        List<Article> outdated = articles.find("renderVersion <> ?1 order by id", MarkdownPipeline.VERSION)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", -2) // org.hibernate.LockOptions.SKIP_LOCKED
                .page(0, limit).list();
        for (Article article : outdated) {
            keepRendering(article, pipeline.render(article.markdown, HtmlPolicy.ARTICLE));
        }
        return outdated.size();
    }

    private String chooseSlug(String requested, String title, Long articleId) {
        if (requested != null) {
            if (articles.slugTaken(requested, articleId)) {
                throw ProblemException.conflict("The slug '" + requested + "' is used by another article");
            }
            return requested;
        }
        if (articleId != null) {
            String current = articles.findById(articleId).slug;
            if (current != null) {
                return current; // keep links stable when the title changes
            }
        }
        return freeSlug(Slugs.slugify(title, "article"), articleId);
    }

    /** {@code base}, or {@code base-2}, {@code base-3} … whichever no other article uses. */
    public String freeSlug(String base, Long articleId) {
        String candidate = base;
        for (int n = 2; articles.slugTaken(candidate, articleId); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private static void checkVersion(Article article, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired();
        }
        OptionalLong version = EntityTags.versionOf(ifMatch);
        if (version.isEmpty() || (version.getAsLong() != -1 && version.getAsLong() != article.version)) {
            throw ProblemException.preconditionFailed("The article changed since you read it (current version "
                    + article.version + "); reload it and apply your changes again")
                    .with("currentVersion", article.version);
        }
    }

    /** Every write of an article's content, by an editor or an import, leaves a revision. */
    public void addRevision(Article article, Caller caller, String note) {
        ArticleRevision revision = new ArticleRevision();
        revision.articleId = article.id;
        revision.number = revisions.nextNumber(article.id);
        revision.title = article.title;
        revision.markdown = article.markdown;
        revision.createdAt = Instant.now();
        revision.authorId = caller.subject();
        revision.authorName = caller.displayName();
        revision.note = note;
        revisions.persist(revision);
    }

    private static RevisionResponse revision(ArticleRevision r, boolean withSource) {
        return new RevisionResponse(r.number, r.title, r.createdAt, new AuthorDto(r.authorId, r.authorName), r.note,
                withSource ? r.markdown : null);
    }

    static ProblemException invalidFormulas(List<FormulaDiagnostic> diagnostics) {
        return new ProblemException(422, "invalid-latex", "Formulas do not parse",
                diagnostics.size() + " formula(s) have LaTeX errors; fix them before publishing")
                .with("formulas", diagnostics);
    }
}
