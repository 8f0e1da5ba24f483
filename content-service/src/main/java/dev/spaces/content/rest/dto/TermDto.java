package dev.spaces.content.rest.dto;

/** A category or tag as shown on an article. */
public record TermDto(String slug, String name) {
}
