package dev.spaces.site.api;

import java.time.Instant;
import java.util.List;

/** search-service's answer to {@code GET /api/v1/search}: hits with highlighted fragments, and facets. */
public record SearchResult(long total, long took, List<Hit> hits, Facets facets) {

    public SearchResult {
        hits = hits == null ? List.of() : hits;
    }

    public record Hit(long id, String slug, String title, String titleHighlighted, List<String> fragments,
                      Instant publishedAt, Term category, List<Term> tags, double score, List<String> formulas) {
        public Hit {
            fragments = fragments == null ? List.of() : fragments;
            tags = tags == null ? List.of() : tags;
            formulas = formulas == null ? List.of() : formulas;
        }
    }

    public record Facets(List<Bucket> category, List<Bucket> tags, List<Bucket> year) {
        public Facets {
            category = category == null ? List.of() : category;
            tags = tags == null ? List.of() : tags;
            year = year == null ? List.of() : year;
        }
    }

    public record Bucket(String key, String name, long count) {
    }
}
