package dev.spaces.content.readcache.rest;

import dev.spaces.content.readcache.ContentGeneration;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.util.Set;

/**
 * After a signed-in write on this replica (committed by then: services commit before the resource returns), the
 * generation is read again before the response leaves, so the writer's next read never comes from the cache of the
 * previous generation. Writes elsewhere (other replicas, the scheduled publisher) reach the cache through LISTEN and
 * the poll. Anonymous writes (view counting, signed webhook intake) change no public answer, so they skip this.
 */
@Provider
public class ReadYourWritesFilter implements ContainerResponseFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final PublicReadCache cache;
    private final ContentGeneration generation;

    public ReadYourWritesFilter(PublicReadCache cache, ContentGeneration generation) {
        this.cache = cache;
        this.generation = generation;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (cache.enabled() && !SAFE.contains(request.getMethod())
                && request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            generation.refresh();
        }
    }
}
