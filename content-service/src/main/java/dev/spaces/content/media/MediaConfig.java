package dev.spaces.content.media;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** The media library: upload limits, renditions and where the files are kept ({@code spaces.media.*}). */
@ConfigMapping(prefix = "spaces.media")
public interface MediaConfig {

    /** Largest accepted upload in bytes; larger ones are 413 before anything is decoded. */
    @WithDefault("20971520")
    long maxBytes();

    /**
     * Most pixels (width × height, read from the header before decoding) an image may have. A small file can
     * declare a huge canvas (decompression bomb): decoding 100000 × 100000 pixels would need 40 GB.
     */
    @WithDefault("100000000")
    long maxPixels();

    /** Widths of the generated renditions; only those narrower than the original are made. */
    @WithDefault("320,768,1280")
    List<Integer> widths();

    /** Quality (0–1) of the lossy encodings (JPEG, WebP). */
    @WithDefault("0.85")
    float quality();

    /**
     * Most pixels kept of an image (the "big image threshold" of WordPress, by area): a larger upload is decoded
     * subsampled by the smallest whole factor that brings it under this, and that is the stored original. The full
     * raster of a 100-megapixel photo (300–400 MB) is never in memory; 24 megapixels keeps a 6000 × 4000 camera
     * photo as it is.
     */
    @WithDefault("24000000")
    long maxStoredPixels();

    /**
     * Megapixels (of stored images) processed at the same time; other uploads wait. An image takes about 7 bytes a
     * pixel at its peak (the decoded raster, the EXIF-turned copy or the WebP encoder's copy, the first halving), so
     * the default, two images of {@link #maxStoredPixels()} at once, stays within a 512 MB heap.
     */
    @WithDefault("48")
    int processingMegapixels();

    /** Also make a WebP of the original and of every rendition (libwebp through JNI; off where it cannot load). */
    @WithDefault("true")
    boolean webp();

    /** Where the files go: {@code filesystem} (default) or {@code s3}. */
    @WithDefault("filesystem")
    Storage storage();

    Filesystem filesystem();

    S3 s3();

    enum Storage { FILESYSTEM, S3 }

    interface Filesystem {
        /** Directory of the stored files; the launcher puts it in the state directory ({@code $SPACES_HOME/media}). */
        @WithDefault(".spaces/media")
        String directory();
    }

    interface S3 {
        @WithDefault("spaces-media")
        String bucket();

        /** Endpoint of an S3-compatible server (MinIO, Ceph, S3Mock); empty for AWS itself. */
        Optional<URI> endpoint();

        @WithDefault("us-east-1")
        String region();

        /** Path-style addressing ({@code endpoint/bucket/key}): what most S3-compatible servers expect. */
        @WithDefault("true")
        boolean pathStyle();

        /** Static credentials; when absent the SDK's default chain (environment, web identity, instance role). */
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();

        /** Prefix of every key, so that one bucket can hold several sites. */
        @WithDefault("")
        Optional<String> prefix();
    }
}
