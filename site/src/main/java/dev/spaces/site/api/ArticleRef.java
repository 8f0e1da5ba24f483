package dev.spaces.site.api;

public record ArticleRef(long id, String slug, String title, Integer position) {
}
