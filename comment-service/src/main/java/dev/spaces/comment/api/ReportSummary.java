package dev.spaces.comment.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** A comment's open reports, for the moderators' Reported queue. */
public record ReportSummary(int count, List<ReportItem> items) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportItem(String reason, String note, String reporter, Instant createdAt) {
    }
}
