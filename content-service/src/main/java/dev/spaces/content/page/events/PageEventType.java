package dev.spaces.content.page.events;

/** Page events of the webhook catalogue. */
public enum PageEventType {
    PUBLISHED("page.published"),
    UPDATED("page.updated"),
    UNPUBLISHED("page.unpublished"),
    DELETED("page.deleted");

    public static final String AGGREGATE = "page";

    private final String wireName;

    PageEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
