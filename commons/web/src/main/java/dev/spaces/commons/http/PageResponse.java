package dev.spaces.commons.http;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list; {@code page} is 1-based. The schema has no fixed name: each item type gets its own
 * ({@code PageResponseArticleSummary}, …), so the gateway's merged document cannot mix up pages of different services.
 */
@Schema(description = "A page of results")
public record PageResponse<T>(
        List<T> items,
        @Schema(description = "1-based page number") int page,
        @Schema(description = "page size") int size,
        @Schema(description = "number of items over all pages") long total,
        @Schema(description = "number of pages") int totalPages) {

    public static <T> PageResponse<T> of(List<T> items, int page, int size, long total) {
        int pages = size == 0 ? 0 : (int) ((total + size - 1) / size);
        return new PageResponse<>(List.copyOf(items), page, size, total, pages);
    }

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), page, size, total, totalPages);
    }

    public boolean hasNext() {
        return page < totalPages;
    }

    public boolean hasPrevious() {
        return page > 1 && totalPages > 0;
    }
}
