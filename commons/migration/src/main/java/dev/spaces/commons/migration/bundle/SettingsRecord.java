package dev.spaces.commons.migration.bundle;

import java.time.Instant;
import java.util.Map;

/**
 * [mig-export] A Spaces site's settings document as stored (name, address, licence, sponsor, FAQ…), kept whole so an
 * import restores it exactly; a {@link SiteRecord} with the common facts precedes it for readers that know only those.
 * Fields are named as in content-service's settings API ({@code PUT /api/v1/site}).
 */
public record SettingsRecord(Map<String, Object> settings, Instant updatedAt, String updatedBy)
        implements BundleRecord {

    @Override
    public String kind() {
        return "settings";
    }
}
