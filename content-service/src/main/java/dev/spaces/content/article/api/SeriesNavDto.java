package dev.spaces.content.article.api;

public record SeriesNavDto(String slug, String title, Integer position, int parts, ArticleRef previous,
                           ArticleRef next) {
}
