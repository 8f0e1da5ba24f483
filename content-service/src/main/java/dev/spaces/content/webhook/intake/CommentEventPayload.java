package dev.spaces.content.webhook.intake;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * Payload of comment events (schema version 1) as comment-service writes them; content-service relays them
 * unchanged. {@code parentAuthorMemberId} is set on {@code comment.replied} only.
 */
@Schema(name = "CommentEventV1")
public record CommentEventPayload(int schemaVersion, long id, long articleId, Long parentId, Long authorMemberId,
                                  String status, Instant createdAt, Long parentAuthorMemberId) {
}
