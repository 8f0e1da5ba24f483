package dev.spaces.content.article.events;

/** Article events of the webhook catalogue. */
public enum ArticleEventType {
    PUBLISHED("article.published"),
    UPDATED("article.updated"),
    UNPUBLISHED("article.unpublished"),
    DELETED("article.deleted");

    private final String wireName;

    ArticleEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
