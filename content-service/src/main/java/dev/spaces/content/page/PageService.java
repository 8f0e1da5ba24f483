package dev.spaces.content.page;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.markdown.HtmlPolicy;
import dev.spaces.commons.markdown.MarkdownPipeline;
import dev.spaces.commons.markdown.MathForms;
import dev.spaces.commons.markdown.RenderedDocument;
import dev.spaces.commons.outbox.OutboxAppender;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.security.Caller;
import dev.spaces.commons.validation.Slugs;
import dev.spaces.content.common.ContentConfig;
import dev.spaces.content.common.Preconditions;
import dev.spaces.content.page.api.PageRequest;
import dev.spaces.content.page.api.PageResponse;
import dev.spaces.content.page.api.PageSummary;
import dev.spaces.content.page.events.PageEventPayload;
import dev.spaces.content.page.events.PageEventType;
import dev.spaces.content.site.SiteSettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Standalone pages. Everyone reads published ones; editors and admins see drafts and write. Pages are rendered
 * when read, by the article pipeline (same HTML policy, formulas, media references).
 */
@ApplicationScoped
public class PageService {

    /** Which pages a list shows. */
    public enum Filter { PUBLISHED, DRAFT, ALL }

    private final PageRepository pages;
    private final MarkdownPipeline pipeline;
    private final SiteSettingsService site;
    private final ObjectMapper json;
    private final ContentConfig config;

    public PageService(PageRepository pages, MarkdownPipeline pipeline, SiteSettingsService site, ObjectMapper json,
                       ContentConfig config) {
        this.pages = pages;
        this.pipeline = pipeline;
        this.site = site;
        this.json = json;
        this.config = config;
    }

    @Transactional
    public List<PageSummary> list(Caller caller, Filter filter) {
        if (filter != Filter.PUBLISHED && !caller.isEditor()) {
            throw ProblemException.forbidden("Listing draft pages needs the editor or admin role");
        }
        PageStatus status = switch (filter) {
            case PUBLISHED -> PageStatus.PUBLISHED;
            case DRAFT -> PageStatus.DRAFT;
            case ALL -> null;
        };
        return pages.inMenuOrder(status).stream().map(PageService::summary).toList();
    }

    @Transactional
    public PageResponse get(Caller caller, String slug, MathForms form) {
        Page page = visible(caller, slug);
        return response(page, render(page.markdown), form, caller.isEditor());
    }

    @Transactional
    public PageResponse create(Caller caller, PageRequest request) {
        requireEditor(caller);
        Page page = new Page();
        page.createdAt = Instant.now();
        page.authorId = caller.subject();
        page.status = PageStatus.DRAFT;
        RenderedDocument doc = apply(page, request, caller);
        pages.persist(page);
        pages.flush();
        if (page.isPublic()) {
            event(PageEventType.PUBLISHED, page);
        }
        return response(page, doc, MathForms.MATHML, true);
    }

    @Transactional
    public PageResponse update(Caller caller, String slug, String ifMatch, PageRequest request) {
        requireEditor(caller);
        Page page = pages.findBySlugForUpdate(slug).orElseThrow(() -> notFound(slug));
        Preconditions.requireVersion(ifMatch, page.version, "page " + slug);
        boolean wasPublic = page.isPublic();
        RenderedDocument doc = apply(page, request, caller);
        pages.flush();
        if (page.isPublic()) {
            event(wasPublic ? PageEventType.UPDATED : PageEventType.PUBLISHED, page);
        } else if (wasPublic) {
            event(PageEventType.UNPUBLISHED, page);
        }
        return response(page, doc, MathForms.MATHML, true);
    }

    /** Pages are deleted for good (no archive): an About page has no readers' links worth keeping. */
    @Transactional
    public void delete(Caller caller, String slug, String ifMatch) {
        requireEditor(caller);
        Page page = pages.findBySlugForUpdate(slug).orElseThrow(() -> notFound(slug));
        Preconditions.requireVersion(ifMatch, page.version, "page " + slug);
        if (page.isPublic()) {
            event(PageEventType.DELETED, page);
        }
        pages.delete(page);
    }

    private RenderedDocument apply(Page page, PageRequest request, Caller caller) {
        RenderedDocument doc = render(request.markdown());
        // absent: a new page is a draft, an existing one keeps its status (a PUT that only fixes a typo must not
        // take a published page off the site)
        PageStatus status = request.status() != null ? PageStatus.valueOf(request.status().toUpperCase())
                : page.status;
        // a published page is public at once: the same rule as publishing an article
        if (status == PageStatus.PUBLISHED && !doc.diagnostics().isEmpty()) {
            throw new ProblemException(422, "invalid-latex", "Formulas do not parse", doc.diagnostics().size()
                    + " formula(s) have LaTeX errors; fix them before publishing")
                    .with("formulas", doc.diagnostics());
        }
        page.slug = chooseSlug(request, page);
        page.title = request.title().strip();
        page.markdown = request.markdown();
        page.menuOrder = request.menuOrder();
        Instant now = Instant.now();
        if (status == PageStatus.PUBLISHED && page.status != PageStatus.PUBLISHED) {
            page.publishedAt = now;
        }
        page.status = status;
        page.updatedAt = now;
        page.updatedBy = caller.subject();
        return doc;
    }

    /** What an import did with a page, and whether formulas that do not parse kept it a draft. */
    public record ImportOutcome(Change change, boolean heldAsDraft) {
        public enum Change { CREATED, UPDATED, UNCHANGED }
    }

    /**
     * A page of another blog (About, FAQ…), known by its import key, else by its slug (kept: the old page links lead
     * to {@code /pages/{slug}}). Its dates are the source's; a page whose formulas do not parse is kept as a draft
     * rather than refused, so one broken formula never stops an import.
     */
    public ImportOutcome importPage(Caller caller, String importKey, String slug, String title, String markdown,
                                    boolean published, Integer menuOrder, Instant createdAt, Instant publishedAt,
                                    Instant modifiedAt) {
        Page page = pages.find("importKey", importKey).firstResultOptional()
                .or(() -> pages.findBySlug(slug)).orElse(null);
        boolean created = page == null;
        if (!created && page.markdown.equals(markdown) && page.title.equals(title.strip())
                && page.isPublic() == published) {
            return new ImportOutcome(ImportOutcome.Change.UNCHANGED, false);
        }
        RenderedDocument doc = render(markdown);
        boolean held = published && !doc.diagnostics().isEmpty();
        boolean wasPublic = !created && page.isPublic();
        if (created) {
            page = new Page();
            page.slug = slug;
            page.createdAt = createdAt != null ? createdAt : Instant.now();
            page.authorId = caller.authenticated() ? caller.subject() : Caller.SYSTEM.subject();
        }
        page.importKey = importKey;
        page.title = title.strip();
        page.markdown = markdown;
        page.menuOrder = menuOrder;
        page.status = published && !held ? PageStatus.PUBLISHED : PageStatus.DRAFT;
        page.publishedAt = page.status == PageStatus.PUBLISHED
                ? (publishedAt != null ? publishedAt : page.createdAt) : null;
        page.updatedAt = modifiedAt != null ? modifiedAt : Instant.now();
        page.updatedBy = page.authorId;
        if (created) {
            pages.persist(page);
        }
        pages.flush();
        if (page.isPublic()) {
            event(wasPublic ? PageEventType.UPDATED : PageEventType.PUBLISHED, page);
        } else if (wasPublic) {
            event(PageEventType.UNPUBLISHED, page);
        }
        return new ImportOutcome(created ? ImportOutcome.Change.CREATED : ImportOutcome.Change.UPDATED, held);
    }

    private String chooseSlug(PageRequest request, Page page) {
        if (request.slug() != null) {
            if (pages.slugTaken(request.slug(), page.id)) {
                throw ProblemException.conflict("The slug '" + request.slug() + "' is used by another page");
            }
            return request.slug();
        }
        if (page.slug != null) {
            return page.slug; // links stay stable when the title changes
        }
        String base = Slugs.slugify(request.title(), "page");
        String candidate = base;
        for (int n = 2; pages.slugTaken(candidate, null); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private Page visible(Caller caller, String slug) {
        Page page = pages.findBySlug(slug).orElseThrow(() -> notFound(slug));
        // drafts do not exist for the public: 404, as unpublished articles
        if (!page.isPublic() && !caller.isEditor()) {
            throw notFound(slug);
        }
        return page;
    }

    private RenderedDocument render(String markdown) {
        int bytes = markdown.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.maxMarkdownBytes()) {
            throw new ProblemException(413, "payload-too-large", "Content too large",
                    "The Markdown source is " + bytes + " bytes; the limit is " + config.maxMarkdownBytes());
        }
        return pipeline.render(markdown, HtmlPolicy.ARTICLE);
    }

    private void event(PageEventType type, Page page) {
        OutboxAppender.append(pages.getEntityManager(), json, type.wireName(), PageEventType.AGGREGATE, page.id,
                page.version, new PageEventPayload(1, page.id, page.version, page.slug, page.title,
                        page.status.name().toLowerCase(), page.menuOrder, page.publishedAt, page.updatedAt,
                        url(page)));
    }

    private PageResponse response(Page page, RenderedDocument doc, MathForms form, boolean withSource) {
        return new PageResponse(page.id, page.slug, page.title, page.status.name().toLowerCase(),
                form.apply(doc.html()), List.copyOf(doc.formulas()),
                doc.diagnostics().isEmpty() ? null : List.copyOf(doc.diagnostics()), page.menuOrder,
                page.publishedAt, page.createdAt, page.updatedAt, page.version, url(page),
                withSource ? page.markdown : null);
    }

    private String url(Page page) {
        return site.document().siteUrl() + "/pages/" + page.slug;
    }

    private static PageSummary summary(Page page) {
        return new PageSummary(page.id, page.slug, page.title, page.status.name().toLowerCase(), page.menuOrder,
                page.publishedAt, page.updatedAt, page.version);
    }

    private static void requireEditor(Caller caller) {
        if (!caller.isEditor()) {
            throw ProblemException.forbidden("Writing pages needs the editor or admin role");
        }
    }

    private static ProblemException notFound(String slug) {
        return ProblemException.notFound("Page " + slug);
    }
}
