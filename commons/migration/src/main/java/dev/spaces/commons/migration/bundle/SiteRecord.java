package dev.spaces.commons.migration.bundle;

import java.util.Map;

/**
 * The site's own facts. {@code options} keeps the source's other settings by name (e.g. Typecho's {@code postsListSize},
 * WordPress's {@code permalink_structure}) for the report and for the old-link rules; the importer maps what it knows.
 */
public record SiteRecord(String title, String description, String siteUrl, String language, String timeZone,
                         Map<String, String> options) implements BundleRecord {

    @Override
    public String kind() {
        return "site";
    }
}
