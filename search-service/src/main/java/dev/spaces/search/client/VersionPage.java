package dev.spaces.search.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** A keyset page of {id, version, reads}; {@code next} is null at the end. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VersionPage(List<Entry> items, Long next) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(long id, long version, long reads) {
    }
}
