package dev.spaces.search.config;

import dev.spaces.commons.client.CallPolicy;
import io.smallrye.config.ConfigMapping;

/** search-service's calls to content-service: time limits, retries and breakers (application.properties). */
@ConfigMapping(prefix = "spaces.clients")
public interface ClientsConfig {

    /** The current document of one article, for an event (client.ContentDocuments#document). */
    CallPolicy contentDocuments();

    /**
     * The bulk feeds a reconcile pages through. A breaker of its own: its window counts calls, not time, so failures
     * of a reconcile while content-service was still starting stayed in a shared window for the next ten calls and
     * then opened it on the first events of a later publish (seconds of publish → searchable while healthy).
     */
    CallPolicy contentFeed();
}
