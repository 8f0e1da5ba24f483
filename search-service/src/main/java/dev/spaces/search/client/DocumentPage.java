package dev.spaces.search.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** A keyset page of search documents; {@code next} is the {@code after} of the following page, null at the end. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DocumentPage(List<SearchDocument> items, Long next) {
}
