package dev.spaces.search.api;

import java.util.List;

public record Suggestions(String query, List<Suggestion> suggestions) {

    public record Suggestion(long id, String slug, String title) {
    }
}
