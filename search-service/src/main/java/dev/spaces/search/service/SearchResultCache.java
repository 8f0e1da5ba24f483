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
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
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
 *
 * <p>Under saturation: each search runs on its own virtual thread and callers wait for it at most
 * {@code timeouts.search + timeouts.queue-wait} (then 503, or the stale answer above), but a search whose answer may be
 * kept runs on up to {@code fill-timeout} and stores it. Before, a query slower than the callers' timeout on a busy
 * node was never answered, so never cached, and every request for it went to Elasticsearch again, keeping the node
 * busy (measured: 40 popular queries through the gateway, 64 connections, half the answers 503 after 30 s). The
 * generation poll was not the cause there: it stayed confirmed (polls ≤ 0.5 s) while searches timed out; its
 * {@code polls} timer and the {@code bypass} count show when it is. Hits are answered as stored bytes (see
 * {@link Answer}) without blocking the caller's thread.
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
    private final Counter bypassed;
    private final Counter outwaited;
    private final Duration callerWait;
    /** Where searches run: one virtual thread each, so a caller's thread never blocks on Elasticsearch. */
    private final ExecutorService searches = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("search-", 0).factory());
    private final Timer pollsUnchanged;
    private final Timer pollsChanged;
    private final Timer pollsFailed;
    private volatile Generation current = Generation.UNKNOWN;
    /** The last confirmed generation while the current one is unknown. */
    private volatile Generation lastConfirmed = Generation.UNKNOWN;
    private ScheduledExecutorService poller;

    @Inject
    public SearchResultCache(SearchConfig config, ElasticsearchClients clients, IndexLayout layout, MeterRegistry meters) {
        // the write client's longer timeout: under a burst of searches a stats call may wait, and a generation that
        // merely could not be confirmed for a moment must not switch the cache off when it is needed most
        this(config.cache(), config.timeouts().search().plus(config.timeouts().queueWait()),
                new ElasticsearchGenerations(clients.writes(), layout.alias()), Clock.systemUTC(), meters);
    }

    SearchResultCache(SearchConfig.Cache config, Duration callerWait, GenerationSource generations, Clock clock,
                      MeterRegistry meters) {
        this.config = config;
        this.callerWait = callerWait;
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
        this.bypassed = Counter.builder("spaces.search.cache.requests").tag("result", "bypass")
                .description("Searches that went to Elasticsearch because the index generation was not confirmed recently")
                .register(meters);
        this.outwaited = Counter.builder("spaces.search.cache.outwaited")
                .description("Searches whose callers stopped waiting (503) while Elasticsearch went on computing the answer")
                .register(meters);
        this.pollsUnchanged = pollTimer(meters, "unchanged");
        this.pollsChanged = pollTimer(meters, "changed");
        this.pollsFailed = pollTimer(meters, "failed");
        Gauge.builder("spaces.search.cache.generation.unconfirmed", this, c -> c.unconfirmedMillis() / 1000.0)
                .description("Seconds since the index generation was last confirmed").baseUnit("seconds").register(meters);
    }

    private static Timer pollTimer(MeterRegistry meters, String result) {
        return Timer.builder("spaces.search.cache.generation.polls").tag("result", result)
                .description("Reads of the index generation, by outcome").register(meters);
    }

    private long unconfirmedMillis() {
        Generation known = current == Generation.UNKNOWN ? lastConfirmed : current;
        return known == Generation.UNKNOWN ? -1 : clock.millis() - known.confirmedAt();
    }

    /**
     * The cached answer for {@code request}, or {@code search}'s, shared with identical concurrent calls. The search
     * runs on its own (virtual) thread: the returned stage fails with a 503 once the caller has waited
     * {@code callerWait}, but the search runs on and keeps its answer for the next caller (see {@code fill-timeout}).
     * A hit is an already completed stage, so the caller's thread never blocks.
     */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> get(Object request, Supplier<T> search) {
        if (!config.enabled()) {
            return CompletableFuture.supplyAsync(search, searches);
        }
        Generation generation = usable();
        Key key = generation == null ? null : new Key(generation.token(), request);
        if (key != null) {
            Object cached = hit(key);
            if (cached != null) {
                return CompletableFuture.completedFuture((T) cached);
            }
            misses.increment();
        } else {
            bypassed.increment();
        }
        Object coalesceKey = key != null ? key : new Key("", request);
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = inFlight.putIfAbsent(coalesceKey, mine);
        if (running == null) {
            running = mine;
            searches.execute(() -> fill(request, key, generation, coalesceKey, mine, search));
        }
        // each caller times out on its own copy: the shared search is never cancelled by a caller giving up
        return (CompletableFuture<T>) running.copy().orTimeout(callerWait.toNanos(), TimeUnit.NANOSECONDS)
                .exceptionallyCompose(error -> {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    if (cause instanceof java.util.concurrent.TimeoutException) {
                        Object fallback = key == null ? staleAnswer(request) : null;
                        if (fallback != null) {
                            stale.increment();
                            return CompletableFuture.completedFuture(fallback);
                        }
                        outwaited.increment();
                        return CompletableFuture.failedFuture(SearchUnavailable.busy());
                    }
                    return CompletableFuture.failedFuture(cause);
                });
    }

    /**
     * The answer kept for {@code request} at the current confirmed generation, counted as a hit; null otherwise,
     * and nothing is counted: the caller then goes through {@link #get}, which counts the miss or bypass.
     */
    public Object cached(Object request) {
        if (!config.enabled()) {
            return null;
        }
        Generation generation = usable();
        return generation == null ? null : hit(new Key(generation.token(), request));
    }

    private Object hit(Key key) {
        Object cached = answers.getIfPresent(key);
        if (cached != null) {
            hits.increment();
        }
        return cached;
    }

    /** Runs {@code search} for everyone waiting on {@code shared}, and keeps its answer if it may be kept. */
    private void fill(Object request, Object key, Generation generation, Object coalesceKey,
                      CompletableFuture<Object> shared, Supplier<?> search) {
        Object outcome = null;
        Throwable failure = null;
        try {
            Object answer = search.get();
            // stored before the waiters wake, so that their next request is a hit
            if (key != null && storable(generation)) {
                answers.put(key, answer);
            }
            outcome = answer;
        } catch (RuntimeException e) {
            Object fallback = key == null && unavailable(e) ? staleAnswer(request) : null;
            if (fallback != null) {
                stale.increment();
                outcome = fallback;
            } else {
                failure = e;
            }
        } catch (Error e) {
            failure = e;
            throw e;
        } finally {
            // out of the in-flight table before anyone wakes: a waiter's next request must start a new search (or
            // hit the stored answer), never join this finished one and get its failure again
            inFlight.remove(coalesceKey, shared);
            if (failure == null) {
                shared.complete(outcome);
            } else {
                shared.completeExceptionally(failure);
            }
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
        searches.shutdownNow();
    }

    void poll() {
        if (!config.enabled()) {
            return;
        }
        String token;
        long started = System.nanoTime();
        try {
            token = generations.current();
        } catch (Exception e) {
            pollsFailed.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
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
            pollsUnchanged.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        } else {
            pollsChanged.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
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

    /** Searches running for the cache (tests). */
    int searching() {
        return inFlight.size();
    }

    /** Callers waiting on a running search (tests). */
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
