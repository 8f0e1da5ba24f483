package dev.spaces.site.api;

import java.util.List;

/** search-service's {@code GET /api/v1/search/suggest?q=}: titles beginning with what was typed. */
public record Suggestions(String query, List<Suggestion> suggestions) {

    public Suggestions {
        suggestions = suggestions == null ? List.of() : suggestions;
    }

    public record Suggestion(long id, String slug, String title) {
    }
}
