package dev.spaces.comment.rest.dto;

import java.time.Instant;

public record AuditEntry(long id, long commentId, long moderatorId, String moderator, String action, String reason,
                         Instant at) {
}
