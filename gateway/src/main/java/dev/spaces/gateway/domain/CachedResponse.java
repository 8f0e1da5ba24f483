package dev.spaces.gateway.domain;

import io.vertx.core.buffer.Buffer;

import java.util.List;
import java.util.Map;

/**
 * An upstream 200 kept for anonymous readers.
 *
 * @param headers      end-to-end headers as the upstream sent them (hop-by-hop ones dropped)
 * @param storedAt     epoch millis when stored (for {@code Age})
 * @param ttlMillis    how long it may be served
 */
public record CachedResponse(Upstream upstream, int status, List<Map.Entry<String, String>> headers, Buffer body,
                             String etag, long storedAt, long ttlMillis) {

    public long ageSeconds(long now) {
        return Math.max(0, (now - storedAt) / 1000);
    }
}
