package dev.spaces.commons.migration.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * The NDJSON form of a bundle: one record per line, a JSON object whose {@code kind} names its record type. Export
 * writes it, import reads it back (through the services' Jackson, which knows {@code java.time}).
 */
public final class BundleLines {

    /** The media type of a bundle file. */
    public static final String MEDIA_TYPE = "application/x-ndjson";

    private static final Map<String, Class<? extends BundleRecord>> KINDS = Map.ofEntries(
            Map.entry("header", BundleHeader.class), Map.entry("site", SiteRecord.class),
            Map.entry("member", MemberRecord.class), Map.entry("category", TermRecord.class),
            Map.entry("tag", TermRecord.class), Map.entry("series", SeriesRecord.class),
            Map.entry("article", ArticleRecord.class), Map.entry("page", ArticleRecord.class),
            Map.entry("comment", CommentRecord.class), Map.entry("media", MediaRecord.class),
            // [mig-export] kinds only a Spaces export writes
            Map.entry("article-state", ArticleStateRecord.class), Map.entry("revision", RevisionRecord.class),
            Map.entry("settings", SettingsRecord.class), Map.entry("webhook", WebhookRecord.class),
            Map.entry("media-item", MediaItemRecord.class));

    private BundleLines() {
    }

    /**
     * Writes one record as a line: a JSON object whose first field is its {@code kind}, then the record's fields, then
     * a newline. Every writer of bundles (the export, comment-service's export, an import job's spool of comments)
     * goes through this, so the lines the readers meet are of one form.
     */
    public static void write(ObjectMapper json, OutputStream out, BundleRecord record) throws IOException {
        ObjectNode line = json.createObjectNode().put("kind", record.kind());
        line.setAll((ObjectNode) json.valueToTree(record));
        out.write(json.writeValueAsBytes(line));
        out.write('\n');
    }

    /** The record type of a line's {@code kind}, or null when the kind is not one of a bundle's. */
    public static Class<? extends BundleRecord> typeOf(String kind) {
        return kind == null ? null : KINDS.get(kind);
    }
}
