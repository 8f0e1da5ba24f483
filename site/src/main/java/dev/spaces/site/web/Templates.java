package dev.spaces.site.web;

import dev.spaces.site.api.ArticleSummary;
import dev.spaces.site.api.Listing;
import dev.spaces.site.view.ArticleView;
import dev.spaces.site.view.Chrome;
import dev.spaces.site.view.Dates;
import dev.spaces.site.view.Pager;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import java.util.List;
import java.util.Map;
// ---- browse
import dev.spaces.site.api.Category;
import dev.spaces.site.api.Series;
import dev.spaces.site.api.SiteSettings;
import dev.spaces.site.api.StandalonePage;
import dev.spaces.site.api.Tag;
import dev.spaces.site.view.ArchiveYears;
import dev.spaces.site.view.SearchView;
// ---- end browse

/** The site's pages (src/main/resources/templates), checked against these parameters at build time. */
@CheckedTemplate
public final class Templates {

    private Templates() {
    }

    public static native TemplateInstance home(Chrome chrome, Dates dates, Listing<ArticleSummary> articles,
                                               Map<Long, Long> commentCounts, Pager pager);

    public static native TemplateInstance article(Chrome chrome, Dates dates, ArticleView view);

    public static native TemplateInstance error(Chrome chrome, int status, String heading, String message);

    // ---- browse: category/tag, series, archive, month, tags, standalone and settings pages, search
    public static native TemplateInstance term(Chrome chrome, Dates dates, String kind, String name,
                                               String description, long count, String feed,
                                               Listing<ArticleSummary> articles, Map<Long, Long> commentCounts,
                                               Pager pager);

    public static native TemplateInstance series(Chrome chrome, Dates dates, Series series,
                                                 Map<Long, ArticleSummary> summaries);

    public static native TemplateInstance archive(Chrome chrome, List<ArchiveYears.Year> years,
                                                  List<Category> categories, List<Tag> tags);

    public static native TemplateInstance month(Chrome chrome, Dates dates, int year, int month,
                                                Listing<ArticleSummary> articles, Map<Long, Long> commentCounts,
                                                Pager pager);

    public static native TemplateInstance taglist(Chrome chrome, List<Tag> tags, List<Category> categories,
                                               List<Series> series);

    public static native TemplateInstance page(Chrome chrome, StandalonePage page);

    public static native TemplateInstance faq(Chrome chrome, List<SiteSettings.Faq> faq);

    public static native TemplateInstance license(Chrome chrome, SiteSettings.License license);

    public static native TemplateInstance sponsor(Chrome chrome, SiteSettings.Block sponsor,
                                                  SiteSettings.Block participation);

    public static native TemplateInstance search(Chrome chrome, Dates dates, SearchView view);

    public static native TemplateInstance searchUnavailable(Chrome chrome, String q, String latex);
    // ---- end browse
}
