package dev.spaces.search.api;

import java.time.Instant;
import java.util.List;

/** A page of search results with facets over all matches. */
public record SearchResult(long total, long took, List<Hit> hits, Facets facets) {

    /**
     * @param titleHighlighted HTML-escaped title with {@code <em>} around matches
     * @param fragments        HTML-escaped text fragments with {@code <em>} marks (formulas are not part of the text)
     * @param formulas         the article's formulas that matched the query's formulas, best first
     */
    public record Hit(long id, String slug, String title, String titleHighlighted, List<String> fragments,
                      Instant publishedAt, TermRef category, List<TermRef> tags, double score, List<String> formulas) {
    }

    public record TermRef(String slug, String name) {
    }

    public record Facets(List<Bucket> category, List<Bucket> tags, List<Bucket> year) {
    }

    public record Bucket(String key, String name, long count) {
    }
}
