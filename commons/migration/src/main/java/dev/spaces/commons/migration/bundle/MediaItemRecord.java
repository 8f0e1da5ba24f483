package dev.spaces.commons.migration.bundle;

import java.time.Instant;
import java.util.List;

/**
 * [mig-export] An item of a Spaces media library: its metadata and the storage keys of its files, not the bytes (they
 * are copied with the media directory or bucket, e.g. by {@code ./spaces backup}). Files are content-addressed (their
 * SHA-256 is their key and part of their URL), so the keys stay valid on any deployment that has the files.
 * A {@link MediaRecord} is the common form other sources give; this one restores the library exactly.
 *
 * @param id         the item's number (cover images name it)
 * @param uploadHash SHA-256 of the uploaded bytes (the same upload finds this item again)
 * @param url        the original's address on the exporting site, for tools that fetch the bytes
 */
public record MediaItemRecord(long id, String uploadHash, String mimeType, String fileName, int width, int height,
                              long bytes, String alt, String caption, List<File> files, String url, String uploadedBy,
                              Instant createdAt, Instant updatedAt) implements BundleRecord {

    /** One stored file (the original or a rendition); {@code hash} is its storage key. */
    public record File(String hash, String name, String mimeType, int width, int height, long bytes,
                       boolean original) {
    }

    public MediaItemRecord {
        files = files == null ? List.of() : List.copyOf(files);
    }

    @Override
    public String kind() {
        return "media-item";
    }
}
