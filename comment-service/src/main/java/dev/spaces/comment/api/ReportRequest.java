package dev.spaces.comment.api;

import dev.spaces.comment.domain.CommentReport;
import dev.spaces.commons.validation.CleanText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A member's report of a comment: why, and optionally a note for the moderators. */
public record ReportRequest(
        @NotNull @Pattern(regexp = CommentReport.REASONS, message = "must be spam, abuse, off-topic or other")
        @Schema(enumeration = {"spam", "abuse", "off-topic", "other"})
        String reason,
        @Size(max = 500) @CleanText String note) {
}
