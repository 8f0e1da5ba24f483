package dev.spaces.content.taxonomy.api;

public record TagResponse(long id, String slug, String name, long articleCount) {
}
