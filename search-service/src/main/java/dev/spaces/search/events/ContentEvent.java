package dev.spaces.search.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The webhook envelope content-service sends: {@code {"type":"article.published","timestamp":"…","data":{…}}}.
 * Only the article's id and version matter here; the current document is fetched, never taken from the event.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContentEvent(String type, String timestamp, Data data) {

    public static final String PUBLISHED = "article.published";
    public static final String UPDATED = "article.updated";
    public static final String UNPUBLISHED = "article.unpublished";
    public static final String DELETED = "article.deleted";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Data(Integer schemaVersion, Long id, Long version, String slug, String status) {
    }

    public boolean concernsArticles() {
        return PUBLISHED.equals(type) || UPDATED.equals(type) || UNPUBLISHED.equals(type) || DELETED.equals(type);
    }
}
