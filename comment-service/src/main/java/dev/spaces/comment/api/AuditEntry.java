package dev.spaces.comment.api;

import java.time.Instant;

/**
 * One moderator decision. {@code action} is approve, reject, spam, pin, unpin or dismiss-reports (a reported comment
 * kept); {@code reportsClosed} counts the open reports the decision closed.
 */
public record AuditEntry(long id, long commentId, long moderatorId, String moderator, String action, String reason,
                         int reportsClosed, Instant at) {
}
