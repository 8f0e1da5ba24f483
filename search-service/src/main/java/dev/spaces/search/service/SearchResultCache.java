package dev.spaces.search.service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Level;
import co.elastic.clients.elasticsearch.indices.IndicesStatsResponse;
import co.elastic.clients.elasticsearch.indices.stats.ShardStats;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.search.config.ElasticsearchClients;
import dev.spaces.search.config.SearchConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Answers of searches, kept while the index they were computed from is unchanged. Elasticsearch's own request cache
 * keeps only the query phase; highlighting long Chinese chapters (the fetch phase) is most of a search's cost, and
 * blog searches repeat (a few popular terms, every visitor of a page running the same suggestion).
 *
 * <p>Freshness across replicas: every replica polls the index generation (the concrete index behind the alias and
 * its shards' max sequence numbers, which move with every write or delete) and keys answers by it, so a write made
 * through any replica retires every cached answer within one poll. Writes through this replica retire them at once.
 * A sequence number moves when a write is indexed, possibly before the refresh that makes it visible; an answer is
 * therefore only stored once its generation has been stable for {@code settle}, and never outlives {@code max-age}.
 * While the generation cannot be confirmed (Elasticsearch unreachable, or its stats call slow on a busy node) the cache
 * is bypassed: a change another replica made may be behind it. The answers stay stored, though: keyed by their
 * generation, they are right again once a poll confirms that generation (a poll that timed out on a busy node must
 * not throw away every answer and send the burst of searches that follows to Elasticsearch). And when the search
 * sent to Elasticsearch then fails as unavailable or busy (a 503), the answer stored for the last confirmed generation
 * is served instead (stale-if-error, as RFC 5861 lets a cache do): a reader gets the results of a few seconds ago
 * rather than an error, and Elasticsearch, struggling already, gets no retries. Searches with no such answer still see
 * the 503. Concurrent identical searches share one Elasticsearch call whether or not their answer may be stored.
 */
@ApplicationScoped
public class SearchResultCache {

    private static final Logger LOG = Logger.getLogger(SearchResultCache.class);

    private final SearchConfig.Cache config;
    private final GenerationSource generations;
    private final Clock clock;
    private final Cache<Object, Object> answers;
    private final Map<Object, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;
    private final Counter stale;
    private volatile Generation current = Generation.UNKNOWN;
    /** The last confirmed generation while the current one is unknown. */
    private volatile Generation lastConfirmed = Generation.UNKNOWN;
    private ScheduledExecutorService poller;

    @Inject
    public SearchResultCache(SearchConfig config, ElasticsearchClients clients, IndexLayout layout, MeterRegistry meters) {
        // the write client's longer timeout: under a burst of searches a stats call may wait, and a generation that
        // merely could not be confirmed for a moment must not switch the cache off when it is needed most
        this(config.cache(), new ElasticsearchGenerations(clients.writes(), layout.alias()), Clock.systemUTC(), meters);
    }

    SearchResultCache(SearchConfig.Cache config, GenerationSource generations, Clock clock, MeterRegistry meters) {
        this.config = config;
        this.generations = generations;
        this.clock = clock;
        this.answers = Caffeine.newBuilder().maximumSize(config.maxEntries())
                .expireAfterWrite(config.maxAge()).build();
        this.hits = Counter.builder("spaces.search.cache.requests").tag("result", "hit")
                .description("Searches answered from the result cache").register(meters);
        this.misses = Counter.builder("spaces.search.cache.requests").tag("result", "miss")
                .description("Searches that went to Elasticsearch").register(meters);
        this.stale = Counter.builder("spaces.search.cache.requests").tag("result", "stale")
                .description("Searches Elasticsearch failed to answer, answered from an unconfirmed generation")
                .register(meters);
    }

    /** The cached answer for {@code request}, or {@code search}'s, shared with identical concurrent calls. */
    @SuppressWarnings("unchecked")
    public <T> T get(Object request, Supplier<T> search) {
        if (!config.enabled()) {
            return search.get();
        }
        Generation generation = usable();
        Object key = generation == null ? null : new Key(generation.token(), request);
        if (key != null) {
            Object cached = answers.getIfPresent(key);
            if (cached != null) {
                hits.increment();
                return (T) cached;
            }
        }
        misses.increment();
        Object coalesceKey = key != null ? key : new Key("", request);
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = inFlight.putIfAbsent(coalesceKey, mine);
        if (running != null) {
            try {
                return (T) running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
        }
        try {
            T answer = search.get();
            mine.complete(answer);
            if (key != null && storable(generation)) {
                answers.put(key, answer);
            }
            return answer;
        } catch (RuntimeException e) {
            Object fallback = key == null && unavailable(e) ? staleAnswer(request) : null;
            if (fallback != null) {
                stale.increment();
                mine.complete(fallback);
                return (T) fallback;
            }
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(coalesceKey, mine);
        }
    }

    /** The answer stored for the generation last confirmed, while the current one is not (see the class comment). */
    private Object staleAnswer(Object request) {
        Generation known = current == Generation.UNKNOWN ? lastConfirmed : current;
        return known == Generation.UNKNOWN ? null : answers.getIfPresent(new Key(known.token(), request));
    }

    private static boolean unavailable(RuntimeException e) {
        return e instanceof ProblemException problem && problem.status() == 503;
    }

    /** This replica changed the index: nothing computed before counts any more. */
    public void indexChanged() {
        current = new Generation(current.token() + "+", clock.millis(), clock.millis());
        lastConfirmed = Generation.UNKNOWN;
        answers.invalidateAll();
    }

    void startPolling(@Observes StartupEvent event) {
        if (config.enabled()) {
            // the Quarkus scheduler runs nothing more often than once a second
            poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("search-generation").factory());
            long every = config.generationPoll().toMillis();
            poller.scheduleWithFixedDelay(() -> {
                try {
                    poll();
                } catch (RuntimeException e) { // an escaping exception would cancel the polling for good
                    LOG.warnf("Index generation poll failed: %s", e.toString());
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stopPolling() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    void poll() {
        if (!config.enabled()) {
            return;
        }
        String token;
        try {
            token = generations.current();
        } catch (Exception e) {
            if (current != Generation.UNKNOWN) {
                LOG.debugf("Index generation unknown (%s): bypassing the result cache", e.toString());
                lastConfirmed = current;
                current = Generation.UNKNOWN;
            }
            return;
        }
        long now = clock.millis();
        Generation previous = current == Generation.UNKNOWN ? lastConfirmed : current;
        if (previous != Generation.UNKNOWN && (previous.token().equals(token) || previous.token().startsWith(token + "+"))) {
            // unchanged (or only this replica's own write, already accounted for): still confirmed
            current = new Generation(previous.token(), previous.since(), now);
        } else {
            current = new Generation(token, now, now);
            answers.invalidateAll();
        }
    }

    /** The generation, if confirmed recently enough to trust answers keyed by it. */
    private Generation usable() {
        Generation generation = current;
        if (generation == Generation.UNKNOWN) {
            return null;
        }
        // a poll that hangs (a frozen node) must not leave old answers trusted for long; a refused one fails at once
        return clock.millis() - generation.confirmedAt() <= config.trustFor().toMillis() ? generation : null;
    }

    private boolean storable(Generation generation) {
        return current.token().equals(generation.token())
                && clock.millis() - generation.since() >= config.settle().toMillis();
    }

    /** Callers parked on another caller's search (tests). */
    int waiters() {
        return inFlight.values().stream().mapToInt(CompletableFuture::getNumberOfDependents).sum();
    }

    record Key(String generation, Object request) {
    }

    /** A generation token, when it was first seen and when it was last confirmed. */
    record Generation(String token, long since, long confirmedAt) {
        static final Generation UNKNOWN = new Generation("unknown", 0, 0);
    }

    /** Where the index generation comes from (Elasticsearch; a fake in unit tests). */
    interface GenerationSource {
        String current() throws Exception;
    }

    /** The index behind the alias and its primary shards' max sequence numbers. */
    static final class ElasticsearchGenerations implements GenerationSource {
        private final ElasticsearchClient client;
        private final String alias;

        ElasticsearchGenerations(ElasticsearchClient client, String alias) {
            this.client = client;
            this.alias = alias;
        }

        @Override
        public String current() throws Exception {
            IndicesStatsResponse stats = client.indices().stats(s -> s.index(alias).level(Level.Shards));
            Map<String, String> parts = new TreeMap<>();
            stats.indices().forEach((index, indexStats) -> {
                StringBuilder shards = new StringBuilder();
                new TreeMap<>(indexStats.shards()).forEach((shard, copies) -> {
                    for (ShardStats copy : copies) {
                        if (copy.routing() != null && Boolean.TRUE.equals(copy.routing().primary()) && copy.seqNo() != null) {
                            shards.append(shard).append(':').append(copy.seqNo().maxSeqNo()).append(',');
                        }
                    }
                });
                // the uuid: an index deleted and made again under the same name restarts its sequence numbers
                parts.put(index, indexStats.uuid() + '/' + shards);
            });
            if (parts.isEmpty()) {
                throw new IllegalStateException("no index behind " + alias);
            }
            return parts.toString();
        }
    }

}
