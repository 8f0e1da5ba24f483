package dev.spaces.commons.http;

import java.time.Instant;

/**
 * A representation with an optimistic-locking version and a modification time. Its ETag is
 * {@code "<version>-<hash>"} so If-Match on writes can check the version while the tag stays strong.
 */
public interface Versioned {
    long version();

    Instant updatedAt();
}
