package dev.spaces.search.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "spaces.search")
public interface SearchConfig {

    /** Base URL of Elasticsearch (env SPACES_ELASTICSEARCH_URL). */
    String elasticsearchUrl();

    /** Standard Webhooks secrets ({@code whsec_…}) accepted on the events endpoint; two during a rotation. */
    Optional<List<String>> webhookSecrets();

    /** The alias searches read; the versioned indices behind it are {@code <alias>_v<N>}. */
    @WithDefault("articles")
    String alias();

    Timeouts timeouts();

    /**
     * Searches this replica runs in Elasticsearch at once (about one node's search thread pool). More would only
     * queue inside Elasticsearch, where a burst of cold searches outlasts the timeout together and none completes;
     * the others queue for a turn ({@code max-queued-searches}, {@code timeouts.queue-wait}; identical searches share one call anyway).
     */
    @WithDefault("4")
    int maxConcurrentSearches();

    /**
     * Searches that may wait for a turn; one more is shed at once (503 {@code search-busy} with {@code Retry-After},
     * counted in {@code spaces.search.shed}). This, not a wait's length, is where saturation begins: the gateway holds
     * at most 64 connections to this service, so a queue of 128 is never full below it, and a closed-loop burst of 64
     * clients queues instead of timing out.
     */
    @WithDefault("128")
    int maxQueuedSearches();

    Reconcile reconcile();

    Reindex reindex();

    Cache cache();

    interface Timeouts {
        @WithDefault("PT0.3S")
        Duration connect();

        /** Searches: ES must answer within this, so that a down or stuck ES gives 503 well within a second. */
        @WithDefault("PT0.7S")
        Duration search();

        /**
         * How long a search waits for a turn before a 503: a safety net for a node that answers but too slowly to
         * drain the queue (a full queue sheds at once). With {@code search} it stays under the gateway's 3 s for the
         * search route, so a caller always gets this service's answer, never the gateway's timeout.
         */
        @WithDefault("PT1.5S")
        Duration queueWait();

        /** Writes and bulk requests. */
        @WithDefault("PT30S")
        Duration write();
    }

    interface Reconcile {
        @WithDefault("true")
        boolean onStart();

        /** How often a full reconcile runs (scheduler syntax: {@code 10m}, {@code 1h}; {@code off} disables). */
        @WithDefault("10m")
        String interval();

        /** How often ES availability is checked; a recovery triggers a reconcile. */
        @WithDefault("5s")
        String healthCheckInterval();

        /** Page size when listing content-service's versions (≤ 10,000). */
        @WithDefault("5000")
        int versionPageSize();
    }

    interface Reindex {
        /** Documents per page fetched from content-service and per bulk request (≤ 500). */
        @WithDefault("200")
        int pageSize();
    }

    interface Cache {
        /** Search answers are kept while the index is unchanged (see SearchResultCache). */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("10000")
        long maxEntries();

        /** Upper bound on an answer's age, whatever the generation says (a safety net: generations retire answers). */
        @WithDefault("PT5M")
        Duration maxAge();

        /** How often each replica reads the index generation; writes elsewhere show within about this. */
        @WithDefault("PT0.25S")
        Duration generationPoll();

        /** How long a generation stays trusted without a successful poll (a slow or frozen node). */
        @WithDefault("PT3S")
        Duration trustFor();

        /**
         * A generation must have been stable this long before answers computed from it are kept: a write's sequence
         * number moves before its refresh completes. Every write of this service refreshes before it returns, so the
         * gap is short.
         */
        @WithDefault("PT0.3S")
        Duration settle();

        /**
         * How long a search whose answer will be kept may take in Elasticsearch. Its callers still get a 503 after
         * {@code timeouts.search} + {@code timeouts.queue-wait}, but the search runs on and keeps its answer: on a
         * saturated node a query slower than the callers' timeout would otherwise never be answered, so never
         * cached, and every later request for it would go to Elasticsearch again.
         */
        @WithDefault("PT5S")
        Duration fillTimeout();
    }
}
