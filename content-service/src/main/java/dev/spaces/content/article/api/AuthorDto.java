package dev.spaces.content.article.api;

public record AuthorDto(String id, String name) {
}
