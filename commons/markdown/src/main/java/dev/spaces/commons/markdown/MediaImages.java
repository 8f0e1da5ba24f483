package dev.spaces.commons.markdown;

import java.util.Optional;

/**
 * Where {@code ![caption](media:123)} finds media item 123: the application's media library. The pipeline asks once
 * per reference while it renders, on the rendering thread.
 */
@FunctionalInterface
public interface MediaImages {

    /** No media library: every {@code media:} reference is shown as its caption text. */
    MediaImages NONE = id -> Optional.empty();

    Optional<MediaImage> find(long id);

    /**
     * A media item as an {@code <img>} needs it.
     *
     * @param src    URL of the file to show where srcset is not understood (the original)
     * @param srcset {@code "<url> <width>w, …"}: every width stored, in the original's format
     * @param width  intrinsic width of the original, in pixels (with height: the box is reserved, no layout shift)
     * @param height intrinsic height of the original
     * @param alt    the item's own alt text, or null: then the caption written in the Markdown is the alt
     * @param caption the item's own caption, or null (a figure shows the caption written in the Markdown; a cover
     *                image by media id shows this one unless it gives its own)
     */
    record MediaImage(String src, String srcset, int width, int height, String alt, String caption) {
    }
}
