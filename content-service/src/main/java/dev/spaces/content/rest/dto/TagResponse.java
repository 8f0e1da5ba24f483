package dev.spaces.content.rest.dto;

public record TagResponse(long id, String slug, String name, long articleCount) {
}
