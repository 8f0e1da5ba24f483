package dev.spaces.content.article.api;

/** A category or tag as shown on an article. */
public record TermDto(String slug, String name) {
}
