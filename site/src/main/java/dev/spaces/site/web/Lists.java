package dev.spaces.site.web;

import dev.spaces.site.api.ArticleSummary;
import dev.spaces.site.client.CommentReader;
import dev.spaces.site.client.UpstreamUnavailable;

import java.util.List;
import java.util.Map;

/** What every article list (home, category, tag, month) adds to its summaries. */
final class Lists {

    private Lists() {
    }

    /** Comment counts of the listed articles in one call; none (not zero: unknown) when comment-service is down. */
    static Map<Long, Long> commentCounts(CommentReader comments, List<ArticleSummary> articles) {
        try {
            return comments.counts(articles.stream().map(ArticleSummary::id).toList());
        } catch (UpstreamUnavailable e) {
            return Map.of();
        }
    }
}
