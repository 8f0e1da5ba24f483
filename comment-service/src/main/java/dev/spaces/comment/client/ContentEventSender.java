package dev.spaces.comment.client;

import dev.spaces.comment.config.ClientsConfig;
import dev.spaces.commons.client.CallGuards;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Set;

/**
 * Posts one signed event to content-service's intake through a guard: a timeout per attempt, two quick retries
 * when it does not answer usefully, and a circuit breaker so that a relay facing a dead content-service fails fast
 * instead of waiting out every timeout. The relay's own backoff spaces out the rounds; this only smooths blips.
 */
@ApplicationScoped
public class ContentEventSender {

    /**
     * Answers that say "not now" rather than "never this message": a timeout or throttling, the intake missing or
     * not configured yet (404, 503 internal-events-disabled), and a signature it does not accept (401/403 — a secret
     * or clock mismatch between the services, which affects every message and must not throw them away).
     */
    private static final Set<Integer> RETRYABLE_4XX = Set.of(401, 403, 404, 408, 425, 429);

    /** What became of one delivery. */
    public sealed interface Outcome {
        /** 2xx: accepted now or before (the intake deduplicates by webhook-id). */
        record Delivered(int status) implements Outcome {
        }

        /** A 4xx that will not change on retry: the message itself is refused. */
        record Rejected(int status, String detail) implements Outcome {
        }

        /** No useful answer: try again later, keeping the order. */
        record Unavailable(String reason) implements Outcome {
        }
    }

    private final InternalEventsClient client;
    private final Guard guard;

    public ContentEventSender(@RestClient InternalEventsClient client, ClientsConfig clients) {
        this.client = client;
        this.guard = CallGuards.create("content-service event intake", clients.contentEvents(), Unreachable.class);
    }

    public Outcome send(String webhookId, long timestamp, String signature, String body) {
        try {
            return guard.call(() -> post(webhookId, timestamp, signature, body), Outcome.class);
        } catch (Unreachable e) {
            return new Outcome.Unavailable(e.getMessage());
        } catch (Exception e) {
            // timeout, open circuit, or anything else that kept us from an answer
            return new Outcome.Unavailable(e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private Outcome post(String webhookId, long timestamp, String signature, String body) {
        int status;
        String detail;
        try (Response response = client.deliver(webhookId, Long.toString(timestamp), signature, body)) {
            status = response.getStatus();
            detail = status >= 400 ? readDetail(response) : null;
        } catch (WebApplicationException e) {
            // the client's default mapper turns 4xx/5xx into exceptions
            status = e.getResponse().getStatus();
            detail = readDetail(e.getResponse());
        } catch (ProcessingException e) {
            throw new Unreachable(e.getMessage());
        }
        if (status >= 200 && status < 300) {
            return new Outcome.Delivered(status);
        }
        if (status >= 400 && status < 500 && !RETRYABLE_4XX.contains(status)) {
            return new Outcome.Rejected(status, detail);
        }
        throw new Unreachable("content-service answered " + status + (detail == null ? "" : ": " + detail));
    }

    private static String readDetail(Response response) {
        try {
            if (!response.hasEntity()) {
                return null;
            }
            String text = response.readEntity(String.class);
            return text.length() > 300 ? text.substring(0, 300) : text;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** content-service gave no useful answer (down, 5xx, "not now" 4xx): worth a retry, counts for the breaker. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message, null, false, false);
        }
    }
}
