package dev.spaces.content.importing.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/**
 * An import job as its client follows it: {@code state} moves QUEUED → RUNNING → SUCCEEDED or FAILED; while it runs,
 * {@code progress} counts the items stored so far per kind; when it ends, {@code report} says what it did (or, for a
 * dry run, would do) and {@code problem} why it failed (nothing is stored then).
 */
public record ImportJobResponse(
        long id,
        @Schema(description = "typecho-mysqldump, typecho-sqlite, wordpress-wxr or spaces-bundle") String format,
        boolean dryRun,
        @Schema(enumeration = {"queued", "running", "succeeded", "failed"}) String state,
        Instant createdAt, Instant startedAt, Instant finishedAt,
        @Schema(description = "Items stored so far, per kind (articles, pages…) in "
                + "done, the phase, and expected: about how many records the source holds, when it can tell (a progress bar's total)") Map<String, Object> progress,
        ImportReport report,
        @Schema(description = "Why it failed: an RFC 9457 problem's type, title and detail") Map<String, Object> problem) {
}
