package dev.spaces.content.searchdoc.api;

/** The light entry a reconcile job diffs against its index: re-fetch when version or reads differ. */
public record ArticleVersion(long id, long version, long reads) {
}
