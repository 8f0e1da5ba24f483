package dev.spaces.content.readcache.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.spaces.content.common.ContentConfig;
import dev.spaces.content.readcache.ContentGeneration;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * Serialized public answers (bytes, strong ETag, headers), each valid only at the public content generation it was
 * computed at. Anonymous GETs of {@code @PublicCache} resources are answered from here by {@link ReadCacheRoute}
 * before the REST layer runs, and stored by {@link ReadCacheStoreFilter} after a miss. Bounded by byte weight and by
 * a time to live (which bounds how far the read counter's figures lag, see {@code read-cache.time-to-live}).
 */
@ApplicationScoped
public class PublicReadCache {

    /** Bytes counted for an entry besides its body and headers (key, object headers, map node). */
    private static final int ENTRY_OVERHEAD = 256;

    /** One cached answer; {@code headers} are further response headers as name/value pairs (Link, X-Total-Count…). */
    public record Entry(long generation, byte[] body, String etag, Instant lastModified, String lastModifiedHeader,
                        String contentType, String cacheControl, List<String> headers) {

        int weight(String key) {
            int weight = ENTRY_OVERHEAD + body.length + 2 * key.length() + 2 * etag.length() + 2 * contentType.length()
                    + 2 * cacheControl.length();
            for (String header : headers) {
                weight += 2 * header.length();
            }
            return weight;
        }
    }

    private final boolean enabled;
    private final ContentGeneration generation;
    private final Cache<String, Entry> entries;
    private final Counter hits;
    private final Counter misses;
    private final Counter bypasses;

    public PublicReadCache(ContentConfig config, ContentGeneration generation, MeterRegistry registry) {
        ContentConfig.ReadCache settings = config.readCache();
        this.enabled = settings.enabled();
        this.generation = generation;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(settings.maximumBytes())
                .weigher((String key, Entry entry) -> entry.weight(key))
                .expireAfterWrite(settings.timeToLive())
                .build();
        // entries of older generations can never be served again: free their memory at once
        generation.onChange(g -> entries.invalidateAll());
        String name = "spaces.content.cache.requests";
        String description = "Anonymous public GETs: answered from the read cache (hit), computed and kept (miss), "
                + "or computed without the cache (bypass: signed-in caller, cache off, generation unconfirmed)";
        this.hits = Counter.builder(name).description(description).tag("result", "hit").register(registry);
        this.misses = Counter.builder(name).description(description).tag("result", "miss").register(registry);
        this.bypasses = Counter.builder(name).description(description).tag("result", "bypass").register(registry);
        Gauge.builder("spaces.content.cache.entries", entries, Cache::estimatedSize)
                .description("Entries in the public read cache").register(registry);
        Gauge.builder("spaces.content.cache.bytes", entries,
                        c -> c.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L))
                .description("Approximate bytes held by the public read cache").baseUnit("bytes").register(registry);
    }

    public boolean enabled() {
        return enabled;
    }

    /** The generation an answer computed from now on may be stored under, or -1 when it must not be stored. */
    public long ticket() {
        return enabled ? generation.trusted() : -1;
    }

    /** The entry for the key if it belongs to {@code generation} (a {@link #ticket()} of this request). */
    public Entry lookup(String key, long generation) {
        Entry entry = entries.getIfPresent(key);
        return entry != null && entry.generation() == generation ? entry : null;
    }

    public void store(String key, Entry entry) {
        // an answer computed while the generation moved on is never served again: do not let it evict others
        if (entry.generation() == generation.trusted()) {
            entries.put(key, entry);
        }
    }

    /** Drops every entry (tests; an operator could expose it). */
    public void clear() {
        entries.invalidateAll();
    }

    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    public long weightedBytes() {
        entries.cleanUp();
        return entries.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
    }

    void hit() {
        hits.increment();
    }

    void miss() {
        misses.increment();
    }

    void bypass() {
        bypasses.increment();
    }

    /** The cache key: the answer depends on the path and query only (its Link header holds relative references). */
    static String key(String uri) {
        return uri;
    }
}
