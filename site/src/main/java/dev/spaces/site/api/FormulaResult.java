package dev.spaces.site.api;

import java.util.List;

/** search-service's answer to {@code GET /api/v1/search/formulas}: articles holding the formula, best match first. */
public record FormulaResult(String query, long total, List<Hit> hits) {

    public FormulaResult {
        hits = hits == null ? List.of() : hits;
    }

    public record Hit(long id, String slug, String title, String formula, String match, double score) {
    }
}
