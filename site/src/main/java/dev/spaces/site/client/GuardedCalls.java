package dev.spaces.site.client;

import dev.spaces.commons.client.CallGuards;
import dev.spaces.commons.client.CallPolicy;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.jboss.logging.Logger;

import java.util.function.Supplier;

/**
 * One service's calls behind one {@link Guard} (timeout, retries, breaker; numbers from {@code spaces.clients.*}).
 * The outcome is one of three, so that pages can tell them apart: the answer; {@link NotFound} (a 404 — the page
 * is a 404 too; not retried, not held against the service); {@link UpstreamUnavailable} (down, 5xx, too slow, breaker
 * open — the page renders without that part, or says the service is unavailable).
 */
public final class GuardedCalls {

    private static final Logger LOG = Logger.getLogger(GuardedCalls.class);

    private final String service;
    private final Guard guard;

    public GuardedCalls(String service, CallPolicy policy) {
        this.service = service;
        this.guard = CallGuards.create("reader site → " + service, policy, Transient.class);
    }

    @SuppressWarnings("unchecked")
    public <T> T call(String what, Supplier<T> call) {
        try {
            return (T) guard.call(() -> attempt(call), Object.class);
        } catch (NotFound | Refused e) {
            throw e;
        } catch (Exception e) {
            LOG.warnf("%s could not answer %s: %s", service, what, e.toString());
            throw new UpstreamUnavailable(service, e);
        }
    }

    private <T> T attempt(Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404 || status == 410) {
                throw new NotFound(status);
            }
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                throw new Refused(status, e);
            }
            throw new Transient(service + " answered " + status);
        } catch (ProcessingException e) {
            throw new Transient(service + ": " + e.getMessage());
        }
    }

    /** A failure worth a retry, counted by the breaker. */
    static final class Transient extends RuntimeException {
        Transient(String message) {
            super(message, null, false, false);
        }
    }

    /** The service has no such resource (404), or it is gone for good (410: an expired preview link). */
    public static final class NotFound extends RuntimeException {
        private final int status;

        NotFound(int status) {
            super("not found (" + status + ")", null, false, false);
            this.status = status;
        }

        public boolean gone() {
            return status == 410;
        }
    }

    /** Any other 4xx: the request was wrong, not the service; not retried. */
    public static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, WebApplicationException cause) {
            super("refused with " + status, cause, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
