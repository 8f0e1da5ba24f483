package dev.spaces.site.view;

import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;

/**
 * The head's search-engine parts as the templates call them (part seo; the work is in {@link StructuredData}). The
 * JSON-LD comes as a {@link RawString}: it is escaped for a script element already, and HTML escaping would turn
 * its quotes into entities, which a script element does not decode.
 */
@TemplateExtension
public final class SeoExtensions {

    private SeoExtensions() {
    }

    static RawString jsonLd(ArticleView view, Chrome chrome, Dates dates) {
        return new RawString(StructuredData.article(view.article(), chrome.site(), chrome.canonical(),
                view.citation(), dates));
    }

    static String description(ArticleView view) {
        return StructuredData.description(view.article().excerptHtml());
    }

    static String ogImage(ArticleView view, Chrome chrome) {
        return StructuredData.image(view.article().coverImages(), chrome.site());
    }

    static String ogLocale(Chrome chrome) {
        return StructuredData.ogLocale(chrome.site());
    }

    /** An excerpt fit for a list of several (see {@link Excerpts}). */
    static RawString listExcerpt(dev.spaces.site.api.ArticleSummary summary) {
        return new RawString(Excerpts.forList(summary.excerptHtml(), summary.id()));
    }

    static RawString websiteJsonLd(Chrome chrome) {
        return new RawString(StructuredData.website(chrome.site()));
    }
}
