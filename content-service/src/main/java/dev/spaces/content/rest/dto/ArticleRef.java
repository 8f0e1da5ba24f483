package dev.spaces.content.rest.dto;

/** A link to another article (series navigation). */
public record ArticleRef(long id, String slug, String title, Integer position) {
}
