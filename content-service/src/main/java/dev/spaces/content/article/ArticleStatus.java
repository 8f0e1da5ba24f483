package dev.spaces.content.article;

public enum ArticleStatus {
    DRAFT, SCHEDULED, PUBLISHED, ARCHIVED
}
