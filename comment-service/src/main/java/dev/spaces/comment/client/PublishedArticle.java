package dev.spaces.comment.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of content-service's article that comments need. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PublishedArticle(long id, String title, String slug, Author author) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Author(String id, String name) {
    }

    public String authorSubject() {
        return author == null ? null : author.id();
    }
}
