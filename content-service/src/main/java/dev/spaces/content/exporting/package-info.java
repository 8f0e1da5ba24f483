/**
 * Issue #22, export: the whole of what content-service holds, written as a stream a client can keep — a Spaces
 * bundle (NDJSON, {@link dev.spaces.commons.migration.bundle.BundleLines}) that {@code POST /api/v1/imports} reads back
 * into an empty site without loss, or a WordPress WXR 1.2 file for other engines. Both are read from one database
 * snapshot, a batch of articles at a time, so a site of any size is exported in flat memory and never half-changed.
 */
package dev.spaces.content.exporting;
