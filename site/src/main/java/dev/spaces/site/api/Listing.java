package dev.spaces.site.api;

import java.util.List;

/** One page of a list as the services return it ({@code page} is 1-based). */
public record Listing<T>(List<T> items, int page, int size, long total, int totalPages) {

    public Listing {
        items = items == null ? List.of() : items;
    }
}
