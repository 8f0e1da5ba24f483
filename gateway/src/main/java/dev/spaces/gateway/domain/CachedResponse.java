package dev.spaces.gateway.domain;

import io.vertx.core.buffer.Buffer;

import java.util.List;
import java.util.Map;

/**
 * An upstream 200 kept for anonymous readers.
 *
 * @param headers      end-to-end headers as the upstream sent them (hop-by-hop ones dropped)
 * @param gzipBody     the body gzipped, once it has been made (null until then, and for answers not worth it)
 * @param storedAt     epoch millis when stored (for {@code Age})
 * @param ttlMillis    how long it may be served
 */
public record CachedResponse(Upstream upstream, int status, List<Map.Entry<String, String>> headers, Buffer body,
                             Buffer gzipBody, String etag, long storedAt, long ttlMillis) {

    public long ageSeconds(long now) {
        return Math.max(0, (now - storedAt) / 1000);
    }

    /** The same answer with its gzip copy. */
    public CachedResponse withGzip(Buffer gzipped) {
        return new CachedResponse(upstream, status, headers, body, gzipped, etag, storedAt, ttlMillis);
    }

    /**
     * The entity tag of the gzip copy: weak, as nginx makes it, since the bytes differ from the identity copy's
     * while the content is the same (RFC 9110 §8.8.1) — a client's {@code If-None-Match} with either form still
     * matches under the weak comparison conditional GETs use.
     */
    public String gzipEtag() {
        return etag == null || etag.startsWith("W/") ? etag : "W/" + etag;
    }

    /** Bytes held (both copies), for the cache's weight. */
    public int bytes() {
        return body.length() + (gzipBody == null ? 0 : gzipBody.length());
    }
}
