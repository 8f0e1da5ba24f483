package dev.spaces.gateway.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.spaces.gateway.config.GatewayConfig;
import dev.spaces.gateway.domain.CachedResponse;
import dev.spaces.gateway.domain.Upstream;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * Anonymous GETs of public content, bounded by total body bytes (Caffeine, weighted) and kept no longer than the
 * upstream's {@code max-age}/{@code s-maxage} minus its {@code Age} (capped by config). Purged by content events;
 * the lifetime bound alone limits staleness on a replica that missed a purge. Callers guarantee that
 * only anonymous requests read or fill it.
 */
@ApplicationScoped
public class ResponseCache {

    /** Headers a cached response may vary on; they are part of the key. Anything else in Vary is not cached. */
    private static final Set<String> KEYED_VARY = Set.of("accept", "accept-encoding", "accept-language");

    private final GatewayConfig.Cache config;
    private final Cache<String, CachedResponse> entries;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public ResponseCache(GatewayConfig gateway, MeterRegistry registry) {
        this.config = gateway.cache();
        this.entries = Caffeine.newBuilder()
                .maximumWeight(config.maxSize().asLongValue())
                .weigher((String key, CachedResponse value) -> key.length() + value.bytes() + 512)
                .expireAfter(Expiry.creating((String key, CachedResponse value) ->
                        java.time.Duration.ofMillis(value.ttlMillis())))
                .build();
        registry.gauge("spaces_gateway_cache_entries", entries, c -> c.estimatedSize());
        registry.more().counter("spaces_gateway_cache_hits", java.util.List.of(), hits);
        registry.more().counter("spaces_gateway_cache_misses", java.util.List.of(), misses);
    }

    public boolean enabled() {
        return config.enabled();
    }

    public long maxEntryBytes() {
        return config.maxEntrySize().asLongValue();
    }

    /**
     * Accept-Encoding is not part of the key: an entry is always fetched as identity and holds its own gzip copy,
     * so browsers (each family with its own Accept-Encoding spelling) and bare clients share one entry.
     */
    public static String key(Upstream upstream, String uri, MultiMap requestHeaders) {
        StringBuilder key = new StringBuilder(upstream.id()).append(' ').append(uri);
        for (String header : new String[]{"accept", "accept-language"}) {
            String value = requestHeaders.get(header);
            key.append('\n').append(value == null ? "" : value.strip());
        }
        return key.toString();
    }

    public CachedResponse get(String key) {
        CachedResponse hit = entries.getIfPresent(key);
        (hit == null ? misses : hits).incrementAndGet();
        return hit;
    }

    public void put(String key, CachedResponse response) {
        entries.put(key, response);
    }

    /** Swaps in a newer form of an entry, unless it was purged or refilled meanwhile (never resurrects one). */
    public void replace(String key, CachedResponse stored, CachedResponse newer) {
        entries.asMap().replace(key, stored, newer);
    }

    /** Whether an answer of this type and size gets a gzip copy: text-like types only (images are compressed). */
    public boolean compressible(MultiMap responseHeaders, long length) {
        GatewayConfig.Cache.Compression compression = config.compression();
        if (!compression.enabled() || length < compression.minSize().asLongValue()) {
            return false;
        }
        String type = responseHeaders.get("content-type");
        if (type == null) {
            return false;
        }
        String mediaType = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.startsWith("text/") || mediaType.endsWith("+json") || mediaType.endsWith("+xml")
                || mediaType.equals("application/json") || mediaType.equals("application/xml")
                || mediaType.equals("application/javascript") || mediaType.equals("application/x-ndjson");
    }

    /** The gzip form of a body (blocking: call it off the event loop). */
    public Buffer gzip(Buffer body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length() / 4 + 64);
        int level = config.compression().level();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(level);
            }
        }) {
            gzip.write(body.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("gzip in memory", e);
        }
        return Buffer.buffer(out.toByteArray());
    }

    /** Drops everything that came from these upstreams. */
    public void purge(Set<Upstream> upstreams) {
        entries.asMap().values().removeIf(entry -> upstreams.contains(entry.upstream()));
    }

    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /**
     * How long an upstream response may be cached, from its own headers; empty when it must not be stored
     * (private, no-store, no-cache, no lifetime, cookies, or Vary on something that is not in the key).
     */
    public OptionalLong lifetimeMillis(MultiMap responseHeaders) {
        if (responseHeaders.contains("set-cookie")) {
            return OptionalLong.empty();
        }
        String encoding = responseHeaders.get("content-encoding");
        if (encoding != null && !encoding.strip().equalsIgnoreCase("identity")) {
            // asked for identity and given something else: the key does not say which coding this is
            return OptionalLong.empty();
        }
        String vary = responseHeaders.get("vary");
        if (vary != null) {
            for (String name : vary.split(",")) {
                if (!KEYED_VARY.contains(name.strip().toLowerCase(Locale.ROOT))) {
                    return OptionalLong.empty();
                }
            }
        }
        String cacheControl = responseHeaders.get("cache-control");
        if (cacheControl == null) {
            return OptionalLong.empty();
        }
        long maxAge = -1;
        long sharedMaxAge = -1;
        for (String directive : cacheControl.toLowerCase(Locale.ROOT).split(",")) {
            String d = directive.strip();
            if (d.equals("private") || d.equals("no-store") || d.equals("no-cache") || d.startsWith("private=")
                    || d.startsWith("no-cache=")) {
                return OptionalLong.empty();
            }
            if (d.startsWith("max-age=")) {
                maxAge = seconds(d.substring("max-age=".length()));
            } else if (d.startsWith("s-maxage=")) {
                sharedMaxAge = seconds(d.substring("s-maxage=".length()));
            }
        }
        long lifetime = sharedMaxAge >= 0 ? sharedMaxAge : maxAge;
        // what the upstream's own caches already used up (Age) is not ours to serve again
        long remaining = TimeUnit.SECONDS.toMillis(lifetime) - upstreamAgeMillis(responseHeaders);
        if (remaining <= 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.min(remaining, config.maxTtl().toMillis()));
    }

    /** The upstream's {@code Age} in millis (0 when absent or malformed); an entry is that old when stored. */
    public static long upstreamAgeMillis(MultiMap responseHeaders) {
        String age = responseHeaders.get("age");
        long seconds = age == null ? 0 : seconds(age);
        return seconds > 0 ? TimeUnit.SECONDS.toMillis(seconds) : 0;
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value.replace("\"", "").strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** RFC 9110 weak comparison of an If-None-Match header against an entity tag. */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        String target = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || opaque(c).equals(target)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
