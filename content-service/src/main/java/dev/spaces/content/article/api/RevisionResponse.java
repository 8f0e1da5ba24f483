package dev.spaces.content.article.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** A saved revision; {@code markdown} only when one revision is requested. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RevisionResponse(int number, String title, Instant createdAt, AuthorDto author, String note,
                               String markdown) {
}
