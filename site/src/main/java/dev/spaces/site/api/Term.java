package dev.spaces.site.api;

/** A category or tag as an article names it. */
public record Term(String slug, String name) {
}
