package dev.spaces.content.searchdoc.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A keyset page in ascending id order. Pass {@code next} as {@code after} to get the following page; it is null
 * on the last page.
 */
public record KeysetPage<T>(
        List<T> items,
        @Schema(nullable = true, description = "id to pass as after for the next page; null when there is no more")
        Long next) {

    /** Builds the page from up to {@code size + 1} rows: the extra row only says that more exist. */
    public static <T> KeysetPage<T> of(List<T> rows, int size, java.util.function.ToLongFunction<T> id) {
        if (rows.size() > size) {
            List<T> items = List.copyOf(rows.subList(0, size));
            return new KeysetPage<>(items, id.applyAsLong(items.getLast()));
        }
        return new KeysetPage<>(List.copyOf(rows), null);
    }
}
