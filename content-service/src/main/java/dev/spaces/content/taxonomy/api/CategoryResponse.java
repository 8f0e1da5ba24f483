package dev.spaces.content.taxonomy.api;

public record CategoryResponse(long id, String slug, String name, String description, long articleCount) {
}
