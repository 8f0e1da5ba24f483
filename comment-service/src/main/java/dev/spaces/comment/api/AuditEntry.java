package dev.spaces.comment.api;

import java.time.Instant;

public record AuditEntry(long id, long commentId, long moderatorId, String moderator, String action, String reason,
                         Instant at) {
}
