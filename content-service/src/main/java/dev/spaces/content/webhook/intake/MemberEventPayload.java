package dev.spaces.content.webhook.intake;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** Payload of {@code member.created} (schema version 1), written by comment-service and relayed unchanged. */
@Schema(name = "MemberEventV1")
public record MemberEventPayload(int schemaVersion, long id, String displayName, Instant joinedAt) {
}
