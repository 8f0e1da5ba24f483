package dev.spaces.commons.migration;

import dev.spaces.commons.migration.bundle.BundleRecord;

/** Where a {@link SiteSource} pushes its records, and what it had to skip or repair on the way. */
public interface BundleSink {

    void accept(BundleRecord record);

    /** Something of the source that is not taken over as it was: skipped, repaired, or worth a look. */
    void note(SourceNote note);
}
