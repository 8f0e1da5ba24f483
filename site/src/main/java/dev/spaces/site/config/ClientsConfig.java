package dev.spaces.site.config;

import dev.spaces.commons.client.CallPolicy;
import io.smallrye.config.ConfigMapping;

/** The site's calls to the services: one policy per call (commons CallPolicy), {@code spaces.clients.*}. */
@ConfigMapping(prefix = "spaces.clients")
public interface ClientsConfig {

    /** Reads from content-service: articles, lists, taxonomy, settings, pages. */
    CallPolicy contentReads();

    /** Reads from comment-service: threads and counts. */
    CallPolicy commentReads();

    /** Writes to comment-service (a reader's comment): never retried, since a POST repeated is a comment posted twice. */
    CallPolicy commentWrites();

    /** Searches. */
    CallPolicy search();
}
