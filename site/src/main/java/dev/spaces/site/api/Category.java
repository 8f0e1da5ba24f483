package dev.spaces.site.api;

public record Category(long id, String slug, String name, String description, long articleCount) {
}
