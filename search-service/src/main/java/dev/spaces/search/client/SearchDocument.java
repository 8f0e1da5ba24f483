package dev.spaces.search.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/** A published article as content-service hands it to search: plain text, formulas apart. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SearchDocument(long id, long version, String slug, String title, String text, List<String> formulas,
                             String excerpt, Term category, List<Term> tags, Term series, Author author,
                             Instant publishedAt, Instant updatedAt, long reads, String url) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Term(String slug, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Author(String id, String name) {
    }
}
