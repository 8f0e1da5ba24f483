package dev.spaces.content.domain;

public enum ArticleStatus {
    DRAFT, SCHEDULED, PUBLISHED, ARCHIVED
}
