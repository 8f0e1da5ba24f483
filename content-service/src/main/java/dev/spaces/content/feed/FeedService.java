package dev.spaces.content.feed;

import dev.spaces.commons.problem.ProblemException;
import dev.spaces.content.article.Article;
import dev.spaces.content.article.ArticleQuery;
import dev.spaces.content.article.ArticleRepository;
import dev.spaces.content.article.ArticleStatus;
import dev.spaces.content.common.ContentConfig;
import dev.spaces.content.page.Page;
import dev.spaces.content.page.PageRepository;
import dev.spaces.content.page.PageStatus;
import dev.spaces.content.site.SiteSettingsService;
import dev.spaces.content.taxonomy.CategoryRepository;
import dev.spaces.content.taxonomy.SeriesRepository;
import dev.spaces.content.taxonomy.Tag;
import dev.spaces.content.taxonomy.TagRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * RSS 2.0 (full text), Atom 1.0 and the sitemap, written with StAX so the XML is always well-formed. Their links are
 * the reader site's addresses ({@code <siteUrl>/archives/{id}}, {@code <siteUrl>/pages/{slug}}) under the site
 * settings' URL, the one the reader site names as its pages' canonical URL (an admin may change it in Studio; the
 * deployment's {@code spaces.content.site-url} only seeds it), so search engines find each page at one address.
 */
@ApplicationScoped
public class FeedService {

    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC_NS = "http://purl.org/dc/elements/1.1/";

    /** What a feed is about: everything, or one category, tag or series. */
    public enum Scope {
        ALL, CATEGORY, TAG, SERIES
    }

    public record Feed(String xml, Instant lastModified) {
    }

    private final ArticleRepository articles;
    private final CategoryRepository categories;
    private final TagRepository tags;
    private final SeriesRepository series;
    private final ContentConfig config;
    private final SiteSettingsService site;
    private final PageRepository pages;

    public FeedService(ArticleRepository articles, CategoryRepository categories, TagRepository tags,
                       SeriesRepository series, ContentConfig config, SiteSettingsService site,
                       PageRepository pages) {
        this.site = site;
        this.pages = pages;
        this.articles = articles;
        this.categories = categories;
        this.tags = tags;
        this.series = series;
        this.config = config;
    }

    @Transactional
    public Feed rss(Scope scope, String slug, String selfUrl) {
        String title = title(scope, slug);
        List<Article> items = items(scope, slug);
        Instant updated = lastModified(items);
        String siteUrl = siteUrl();
        return new Feed(write(w -> {
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeNamespace("content", CONTENT_NS);
            w.writeNamespace("atom", ATOM_NS);
            w.writeNamespace("dc", DC_NS);
            w.writeStartElement("channel");
            element(w, "title", title);
            element(w, "link", siteUrl + "/");
            element(w, "description", config.siteName());
            element(w, "language", "zh-CN");
            element(w, "lastBuildDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(updated.atOffset(ZoneOffset.UTC)));
            w.writeEmptyElement("atom", "link", ATOM_NS);
            w.writeAttribute("href", selfUrl);
            w.writeAttribute("rel", "self");
            w.writeAttribute("type", "application/rss+xml");
            for (Article a : items) {
                w.writeStartElement("item");
                element(w, "title", a.title);
                element(w, "link", articleUrl(siteUrl, a));
                w.writeStartElement("guid");
                w.writeAttribute("isPermaLink", "true");
                w.writeCharacters(articleUrl(siteUrl, a));
                w.writeEndElement();
                element(w, "pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(a.publishedAt.atOffset(ZoneOffset.UTC)));
                w.writeStartElement("dc", "creator", DC_NS);
                w.writeCharacters(a.authorName);
                w.writeEndElement();
                if (a.category != null) {
                    element(w, "category", a.category.name);
                }
                for (Tag t : a.tags) {
                    element(w, "category", t.name);
                }
                element(w, "description", a.excerptHtml);
                w.writeStartElement("content", "encoded", CONTENT_NS);
                w.writeCharacters(a.html);
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
        }), updated);
    }

    @Transactional
    public Feed atom(Scope scope, String slug, String selfUrl) {
        String title = title(scope, slug);
        List<Article> items = items(scope, slug);
        Instant updated = lastModified(items);
        String siteUrl = siteUrl();
        return new Feed(write(w -> {
            w.setDefaultNamespace(ATOM_NS);
            w.writeStartElement(ATOM_NS, "feed");
            w.writeDefaultNamespace(ATOM_NS);
            element(w, "id", selfUrl);
            element(w, "title", title);
            element(w, "updated", updated.toString());
            link(w, selfUrl, "self", "application/atom+xml");
            link(w, siteUrl + "/", "alternate", "text/html");
            for (Article a : items) {
                w.writeStartElement("entry");
                element(w, "id", articleUrl(siteUrl, a));
                element(w, "title", a.title);
                link(w, articleUrl(siteUrl, a), "alternate", "text/html");
                element(w, "published", a.publishedAt.toString());
                element(w, "updated", a.updatedAt.toString());
                w.writeStartElement("author");
                element(w, "name", a.authorName);
                w.writeEndElement();
                if (a.category != null) {
                    w.writeEmptyElement("category");
                    w.writeAttribute("term", a.category.name);
                }
                for (Tag t : a.tags) {
                    w.writeEmptyElement("category");
                    w.writeAttribute("term", t.name);
                }
                w.writeStartElement("summary");
                w.writeAttribute("type", "html");
                w.writeCharacters(a.excerptHtml);
                w.writeEndElement();
                w.writeStartElement("content");
                w.writeAttribute("type", "html");
                w.writeCharacters(a.html);
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        }), updated);
    }

    /** The home page, every published article and every published standalone page (About, FAQ…). */
    @Transactional
    public Feed sitemap() {
        List<Article> all = articles.list("status", ArticleStatus.PUBLISHED);
        List<Page> published = pages.inMenuOrder(PageStatus.PUBLISHED);
        Instant updated = Stream.concat(Stream.of(lastModified(all)), published.stream().map(p -> p.updatedAt))
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        String siteUrl = siteUrl();
        return new Feed(write(w -> {
            String ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
            w.setDefaultNamespace(ns);
            w.writeStartElement(ns, "urlset");
            w.writeDefaultNamespace(ns);
            url(w, siteUrl + "/", updated);
            for (Article a : all.stream().sorted(Comparator.comparing((Article a) -> a.id)).toList()) {
                url(w, articleUrl(siteUrl, a), a.updatedAt);
            }
            for (Page p : published) {
                url(w, siteUrl + "/pages/" + URLEncoder.encode(p.slug, StandardCharsets.UTF_8).replace("+", "%20"),
                        p.updatedAt);
            }
            w.writeEndElement();
        }), updated);
    }

    private static void url(XMLStreamWriter w, String loc, Instant lastModified) throws XMLStreamException {
        w.writeStartElement("url");
        element(w, "loc", loc);
        if (lastModified != null) {
            element(w, "lastmod", lastModified.toString());
        }
        w.writeEndElement();
    }

    /** The site settings' URL without a trailing slash (they are stored without one). */
    public String siteUrl() {
        String url = site.document().siteUrl();
        url = url == null || url.isBlank() ? config.siteUrl() : url;
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String articleUrl(String siteUrl, Article a) {
        return siteUrl + "/archives/" + a.id;
    }

    private List<Article> items(Scope scope, String slug) {
        ArticleQuery query = new ArticleQuery(scope == Scope.CATEGORY ? slug : null, scope == Scope.TAG ? slug : null,
                scope == Scope.SERIES ? slug : null, null, null, ArticleStatus.PUBLISHED, null, null,
                ArticleQuery.Order.PUBLISHED);
        return articles.page(articles.search(query), 1, config.feedItems()).stream()
                .filter(a -> a.publishedAt != null).toList();
    }

    private String title(Scope scope, String slug) {
        return switch (scope) {
            case ALL -> config.siteName();
            case CATEGORY -> config.siteName() + " - " + categories.findBySlug(slug)
                    .orElseThrow(() -> ProblemException.notFound("Category " + slug)).name;
            case TAG -> config.siteName() + " - " + tags.findBySlug(slug)
                    .orElseThrow(() -> ProblemException.notFound("Tag " + slug)).name;
            case SERIES -> config.siteName() + " - " + series.findBySlug(slug)
                    .orElseThrow(() -> ProblemException.notFound("Series " + slug)).title;
        };
    }

    private static Instant lastModified(List<Article> items) {
        return items.stream().map(a -> a.updatedAt).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
    }

    private interface XmlBody {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    private static String write(XmlBody body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Feed could not be written", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text == null ? "" : text);
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String href, String rel, String type) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("href", href);
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
    }
}
