package dev.spaces.site.api;

public record Tag(long id, String slug, String name, long articleCount) {
}
