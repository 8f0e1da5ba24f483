package dev.spaces.search.api;

import java.util.List;

/** Articles with the formula that best matches the query; {@code match} is exact, sub-formula or near. */
public record FormulaResult(String query, long total, List<Hit> hits) {

    public enum Match { exact, subformula, near }

    public record Hit(long id, String slug, String title, String formula, Match match, double score) {
    }
}
