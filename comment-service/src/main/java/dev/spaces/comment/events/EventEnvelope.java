package dev.spaces.comment.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** The Standard Webhooks body content-service's intake takes: {@code {"type","timestamp","data"}}. */
public record EventEnvelope(String type, Instant timestamp, JsonNode data) {
}
