package dev.spaces.commons.migration.bundle;

/**
 * An uploaded file the source knows of (Typecho's attachment rows, WordPress's attachment posts). The bundle names
 * it; the file itself stays where {@code url} points until the media import fetches it.
 *
 * @param attachedTo the {@link ArticleRecord#id()} it was uploaded for, if any
 */
public record MediaRecord(String key, String url, String fileName, String mimeType, Long size, Long attachedTo,
                          String title) implements BundleRecord {

    @Override
    public String kind() {
        return "media";
    }
}
