package dev.spaces.site.web;

import dev.spaces.site.api.ArticleSummary;
import dev.spaces.site.api.Listing;
import dev.spaces.site.view.ArticleView;
import dev.spaces.site.view.Chrome;
import dev.spaces.site.view.Dates;
import dev.spaces.site.view.Pager;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import java.util.Map;

/** The site's pages (src/main/resources/templates), checked against these parameters at build time. */
@CheckedTemplate
public final class Templates {

    private Templates() {
    }

    public static native TemplateInstance home(Chrome chrome, Dates dates, Listing<ArticleSummary> articles,
                                               Map<Long, Long> commentCounts, Pager pager);

    public static native TemplateInstance article(Chrome chrome, Dates dates, ArticleView view);

    public static native TemplateInstance error(Chrome chrome, int status, String heading, String message);
}
