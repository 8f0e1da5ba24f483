package dev.spaces.content.media.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where media files live: one blob per key. Keys are content hashes, so a blob never changes once written, and
 * writing the same key twice stores the same bytes.
 */
public interface MediaStorage {

    void put(String key, byte[] bytes, String contentType) throws IOException;

    /**
     * {@code length} bytes from {@code offset} (the caller checked both against the size it keeps); the caller
     * closes the stream.
     */
    InputStream read(String key, long offset, long length) throws IOException;

    void delete(String key) throws IOException;

    boolean exists(String key) throws IOException;

    /** For logs and health: {@code filesystem:/path} or {@code s3:bucket}. */
    String describe();
}
