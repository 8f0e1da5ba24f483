package dev.spaces.comment.importing.api;

import java.util.List;
import java.util.Map;

/**
 * What an import of member and comment records did (or, in a dry run, would do).
 *
 * @param counts    per kind ({@code members}, {@code comments}): how many were created, updated, left unchanged,
 *                  skipped
 * @param items     every item that was skipped or changed, or stored with something worth a look, with the reason
 *                  (at most the configured number; {@code itemCount} counts them all)
 * @param ignored   lines of other kinds (articles, taxonomy…: content-service's) passed over
 */
public record CommentImportReport(String sourceKey, boolean dryRun, Map<String, Counts> counts, List<Item> items,
                                  long itemCount, long ignored) {

    public record Counts(long created, long updated, long unchanged, long skipped) {
    }

    /**
     * @param item    the source's item, e.g. {@code comment:42} or {@code member:user:3}
     * @param outcome {@code skipped}, {@code updated}, {@code created} or {@code warning} (stored, but look)
     */
    public record Item(String kind, String item, String outcome, String reason) {
    }
}
