package dev.spaces.content.rest.dto;

public record AuthorDto(String id, String name) {
}
