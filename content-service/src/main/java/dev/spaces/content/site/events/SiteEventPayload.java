package dev.spaces.content.site.events;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** Payload of {@code site.updated}, schema version 1: subscribers fetch {@code GET /api/v1/site} for the rest. */
@Schema(name = "SiteEventV1", requiredProperties = {"schemaVersion", "version", "updatedAt", "name", "siteUrl"})
public record SiteEventPayload(int schemaVersion, long version, Instant updatedAt, String name, String siteUrl) {

    public static final String TYPE = "site.updated";
    public static final String AGGREGATE = "site";
}
