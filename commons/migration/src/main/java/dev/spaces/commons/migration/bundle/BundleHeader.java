package dev.spaces.commons.migration.bundle;

import java.time.Instant;

/**
 * The first record of every bundle: what it is and where it comes from.
 *
 * @param source    the source and its version, e.g. {@code typecho 1.2.1}, {@code wordpress-wxr 1.2}, {@code spaces 0.1}
 * @param sourceKey identifies the source site across imports (its URL, else a name the operator gives): keys of the
 *                  other records are unique within it
 * @param siteUrl   the source site's public address, when known (old links are recognised by it)
 * @param timeZone  the zone the source's local times are in (an IANA name), when it has local times
 */
public record BundleHeader(String format, int version, String source, String sourceKey, String siteUrl,
                           String timeZone, Instant createdAt) implements BundleRecord {

    public static final String FORMAT = "spaces-bundle";
    public static final int VERSION = 1;

    public static BundleHeader of(String source, String sourceKey, String siteUrl, String timeZone) {
        return new BundleHeader(FORMAT, VERSION, source, sourceKey, siteUrl, timeZone, Instant.now());
    }

    @Override
    public String kind() {
        return "header";
    }
}
