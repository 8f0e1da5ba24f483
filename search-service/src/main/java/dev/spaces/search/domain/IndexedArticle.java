package dev.spaces.search.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * An article as the {@code articles} index stores it (see {@code elasticsearch/articles-index.json}); never leaves
 * the service: the API answers with its own records.
 *
 * @param formulas each formula with its normalized key (exact match) and structural paths (near match)
 * @param suggest  completion inputs for title prefixes
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndexedArticle(long id, String slug, long version, String url, String title, String text,
                             List<Formula> formulas, String excerpt, Term category, List<Term> tags, Term series,
                             Author author, Instant publishedAt, Instant updatedAt, long reads, List<String> suggest) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Formula(String latex, String key, List<String> paths) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Term(String slug, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Author(String id, String name) {
    }

    public IndexedArticle withReads(long newReads) {
        return new IndexedArticle(id, slug, version, url, title, text, formulas, excerpt, category, tags, series, author,
                publishedAt, updatedAt, newReads, suggest);
    }
}
