package dev.spaces.site.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.site.api.Article;
import dev.spaces.site.api.CoverImage;
import dev.spaces.site.api.SiteSettings;
import dev.spaces.site.api.Term;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What search engines, feed readers and reference managers read from a page's head (part seo): the JSON-LD
 * (schema.org) of an article and of the site, the plain-text description, the Open Graph image and locale.
 * <p>
 * <b>BlogPosting or ScholarlyArticle.</b> An article that is a part of a series, or that carries at least
 * {@link #SCHOLARLY_FORMULAS} formulas, is a {@code ScholarlyArticle}: a derivation or a chapter of a course, the kind
 * of text readers cite (Google Scholar and Zotero's translators look for it). Everything else is a
 * {@code BlogPosting}. Both are {@code Article}s with the same properties, so consumers that know only one still read
 * the other's headline, author and dates.
 * <p>
 * <b>The citation.</b> schema.org's {@code citation} names works <em>this</em> one cites, so it is not used for how to
 * cite this one: the 「转载请注明」 line goes into {@code creditText} ("text that can be used to credit … a published
 * creative work") and the article's permanent address into {@code identifier}, with the licence in {@code license}.
 * <p>
 * <b>Escaping.</b> The JSON sits in a {@code <script type="application/ld+json">}, whose content the HTML parser ends
 * at the first {@code </script} whatever the JSON says. Every {@code <}, {@code >} and {@code &} is written as a
 * JSON {@code \}{@code u} escape (the same string to a JSON reader), so no title, excerpt or citation can end the
 * element or open a comment; U+2028 and U+2029 are escaped as well for older JavaScript consumers.
 */
public final class StructuredData {

    /** From this many formulas on, an article is a ScholarlyArticle (see the class comment). */
    public static final int SCHOLARLY_FORMULAS = 5;
    /** Open Graph and meta descriptions are cut here: what result pages and link cards show. */
    static final int DESCRIPTION_LENGTH = 160;

    private static final ObjectMapper JSON = new ObjectMapper();

    private StructuredData() {
    }

    public static String type(Article article) {
        return article.series() != null || article.formulas().size() >= SCHOLARLY_FORMULAS
                ? "ScholarlyArticle" : "BlogPosting";
    }

    /** The article's JSON-LD, ready to be put between the script tags as it is. */
    public static String article(Article a, SiteSettings site, String canonical, String citationLine, Dates dates) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", type(a));
        ld.put("@id", canonical + "#article");
        ld.put("headline", a.title());
        ld.put("name", a.title());
        String description = description(a.excerptHtml());
        if (!description.isEmpty()) {
            ld.put("description", description);
        }
        ld.put("url", canonical);
        ld.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", canonical));
        if (a.publishedAt() != null) {
            ld.put("datePublished", dates.iso(a.publishedAt()));
        }
        if (a.updatedAt() != null || a.publishedAt() != null) {
            ld.put("dateModified", dates.iso(a.updatedAt() != null ? a.updatedAt() : a.publishedAt()));
        }
        if (a.author() != null) {
            ld.put("author", Map.of("@type", "Person", "name", a.author().name()));
        }
        ld.put("publisher", publisher(site));
        ld.put("inLanguage", language(site));
        if (site.license() != null && site.license().url() != null) {
            ld.put("license", site.license().url());
        }
        if (citationLine != null && !citationLine.isBlank()) {
            ld.put("creditText", citationLine);
        }
        ld.put("identifier", a.url() != null ? a.url() : canonical);
        String image = image(a.coverImages(), site);
        if (image != null) {
            ld.put("image", image);
        }
        if (a.category() != null) {
            ld.put("articleSection", a.category().name());
        }
        if (!a.tags().isEmpty()) {
            ld.put("keywords", a.tags().stream().map(Term::name).toList());
        }
        if (a.series() != null) {
            Map<String, Object> series = new LinkedHashMap<>();
            series.put("@type", "CreativeWorkSeries");
            series.put("name", a.series().title());
            series.put("url", Urls.absolute(site.siteUrl(), Urls.series(a.series().slug())));
            ld.put("isPartOf", series);
            if (a.series().position() != null) {
                ld.put("position", a.series().position());
            }
        }
        return write(ld);
    }

    /** The home page's JSON-LD: the site, with the search box search engines may offer ({@code /search?q=}). */
    public static String website(SiteSettings site) {
        String home = Urls.absolute(site.siteUrl(), "/");
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "WebSite");
        ld.put("@id", home + "#website");
        ld.put("name", site.name());
        if (site.shortName() != null && !site.shortName().isBlank()) {
            ld.put("alternateName", site.shortName());
        }
        if (site.description() != null && !site.description().isBlank()) {
            ld.put("description", site.description());
        }
        ld.put("url", home);
        ld.put("inLanguage", language(site));
        ld.put("publisher", publisher(site));
        ld.put("potentialAction", Map.of(
                "@type", "SearchAction",
                "target", Map.of("@type", "EntryPoint",
                        "urlTemplate", Urls.absolute(site.siteUrl(), "/search") + "?q={search_term_string}"),
                "query-input", "required name=search_term_string"));
        return write(ld);
    }

    /**
     * The excerpt as plain text for descriptions: each formula as its TeX between dollars (what a reader would type;
     * the MathML's text would run presentation and annotation together), whitespace collapsed, cut at
     * {@link #DESCRIPTION_LENGTH} characters with an ellipsis.
     */
    public static String description(String excerptHtml) {
        if (excerptHtml == null || excerptHtml.isBlank()) {
            return "";
        }
        Document doc = Jsoup.parseBodyFragment(excerptHtml);
        for (Element math : doc.select("math")) {
            Element tex = math.selectFirst("annotation[encoding=application/x-tex]");
            math.replaceWith(new TextNode(tex == null ? math.text() : "$" + tex.text().strip() + "$"));
        }
        String text = doc.body().text().replaceAll("\\s+", " ").strip();
        if (text.codePointCount(0, text.length()) <= DESCRIPTION_LENGTH) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, DESCRIPTION_LENGTH - 1)).stripTrailing() + "…";
    }

    /** The first cover image's absolute URL, or null. */
    public static String image(List<CoverImage> covers, SiteSettings site) {
        return covers.stream().map(CoverImage::url).filter(u -> u != null && !u.isBlank()).findFirst()
                .map(u -> u.startsWith("http://") || u.startsWith("https://") ? u : Urls.absolute(site.siteUrl(), u))
                .orElse(null);
    }

    /** Open Graph's locale shape ({@code zh_CN}) of the site's language tag ({@code zh-CN}). */
    public static String ogLocale(SiteSettings site) {
        return language(site).replace('-', '_');
    }

    private static String language(SiteSettings site) {
        return site.language() == null || site.language().isBlank() ? "zh-CN" : site.language();
    }

    private static Map<String, Object> publisher(SiteSettings site) {
        return Map.of("@type", "Organization", "name", site.name(), "url", Urls.absolute(site.siteUrl(), "/"));
    }

    static String write(Map<String, Object> ld) {
        String json;
        try {
            json = JSON.writeValueAsString(ld);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
