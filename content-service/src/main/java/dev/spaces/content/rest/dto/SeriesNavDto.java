package dev.spaces.content.rest.dto;

public record SeriesNavDto(String slug, String title, Integer position, int parts, ArticleRef previous,
                           ArticleRef next) {
}
