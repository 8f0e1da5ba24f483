package dev.spaces.content.importing.api;

import dev.spaces.commons.migration.SourceNote;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * What an import did (or, for a dry run, would do): per kind of item how many were created, updated, left unchanged
 * or skipped, and every item not taken over as it was, with the reason.
 */
public record ImportReport(
        @Schema(description = "The source and its version as read, e.g. typecho 1.2.1") String source,
        boolean dryRun,
        @Schema(description = "Per kind (articles, pages, categories, tags, series, comments, members, media)")
        Map<String, Counts> counts,
        @Schema(description = "Items skipped, repaired or worth a look, with the reason (the first 1,000)")
        List<SourceNote> notes,
        @Schema(description = "How many notes there were in all") int noteCount) {

    public static final int MAX_NOTES = 1_000;

    public enum Outcome { CREATED, UPDATED, UNCHANGED, SKIPPED }

    public record Counts(long created, long updated, long unchanged, long skipped) {

        public Counts plus(Outcome outcome) {
            return switch (outcome) {
                case CREATED -> new Counts(created + 1, updated, unchanged, skipped);
                case UPDATED -> new Counts(created, updated + 1, unchanged, skipped);
                case UNCHANGED -> new Counts(created, updated, unchanged + 1, skipped);
                case SKIPPED -> new Counts(created, updated, unchanged, skipped + 1);
            };
        }

        public long total() {
            return created + updated + unchanged + skipped;
        }
    }
}
