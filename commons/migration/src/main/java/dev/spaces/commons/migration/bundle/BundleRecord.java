package dev.spaces.commons.migration.bundle;

/**
 * One record of a Spaces bundle: what an import source yields and what an export writes, one JSON object per line
 * (NDJSON) with its {@code kind}. Keys ({@code key} fields) identify an item across imports of the same source, so
 * importing it again updates rather than duplicates; ids of articles and comments are the source's own numbers, kept.
 */
public sealed interface BundleRecord
        permits BundleHeader, SiteRecord, MemberRecord, TermRecord, SeriesRecord, ArticleRecord, CommentRecord,
        MediaRecord,
        // [mig-export] what only a Spaces export carries (restored exactly by content-service's importer)
        ArticleStateRecord, RevisionRecord, SettingsRecord, WebhookRecord, MediaItemRecord {

    /** The record's kind as written in the bundle's {@code kind} field. */
    String kind();
}
