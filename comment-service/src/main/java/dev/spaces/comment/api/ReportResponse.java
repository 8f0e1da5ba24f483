package dev.spaces.comment.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** An open report as its author sees it (the answer to reporting, the first one again on a repeat). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportResponse(long id, long commentId, String reason, String note, Instant createdAt) {
}
