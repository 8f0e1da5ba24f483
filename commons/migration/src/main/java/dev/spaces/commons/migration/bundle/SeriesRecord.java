package dev.spaces.commons.migration.bundle;

/** A series of articles (Spaces' own; other sources have none). Parts name it by {@code key}. */
public record SeriesRecord(String key, String slug, String title, String description) implements BundleRecord {

    @Override
    public String kind() {
        return "series";
    }
}
