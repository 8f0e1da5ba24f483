package dev.spaces.content.rest.dto;

public record CategoryResponse(long id, String slug, String name, String description, long articleCount) {
}
