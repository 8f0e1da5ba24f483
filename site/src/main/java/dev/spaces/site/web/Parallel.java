package dev.spaces.site.web;

import dev.spaces.site.client.UpstreamUnavailable;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Runs a page's independent API calls side by side on virtual threads (the REST clients block), so a page costs the
 * slowest call, not their sum. {@link #optional} turns an unavailable service into null: that part is left out.
 */
@ApplicationScoped
public class Parallel {

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public <T> CompletableFuture<T> start(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, executor);
    }

    /** The result, rethrowing what the call threw (NotFound, UpstreamUnavailable…) as it was. */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The result, or null when the service was unavailable. */
    public static <T> T optional(CompletableFuture<T> future) {
        try {
            return join(future);
        } catch (UpstreamUnavailable e) {
            return null;
        }
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
