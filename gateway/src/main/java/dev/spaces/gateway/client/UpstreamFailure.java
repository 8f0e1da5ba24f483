package dev.spaces.gateway.client;

import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.VertxException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/** How an upstream failure shows to clients: the status and problem type the gateway answers with. */
public enum UpstreamFailure {
    /** Connection refused, unresolvable, or the circuit is open: the service is not there. */
    UNAVAILABLE(503, "upstream-unavailable", "Service unavailable"),
    /** No response byte within the route's timeout. */
    TIMEOUT(504, "upstream-timeout", "Gateway timeout"),
    /** The connection broke or the answer was not valid HTTP. */
    BAD_GATEWAY(502, "bad-gateway", "Bad gateway");

    private final int status;
    private final String type;
    private final String title;

    UpstreamFailure(int status, String type, String title) {
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public static UpstreamFailure of(Throwable error) {
        if (error instanceof OpenCircuitException || isConnectionFailure(error)) {
            return UNAVAILABLE;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return TIMEOUT;
            }
        }
        return BAD_GATEWAY;
    }

    /** Failed before a request reached the service: always safe to retry, and proof the service is down. */
    static boolean isConnectionFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof ClosedChannelException) {
                return true;
            }
            if (t instanceof VertxException && t.getMessage() != null
                    && t.getMessage().startsWith("Connection was closed")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Answers that say the service (or one behind it) is unwell: they count against its circuit and are retried.
     * A 503 with {@code Retry-After} is a live service shedding load (search-service when Elasticsearch is busy or
     * down): it passes through to the client as it is, and opening the circuit or retrying at once would only
     * multiply the load it is shedding.
     */
    public static boolean isUpstreamOutage(int status, String retryAfter) {
        return status == 502 || status == 504 || (status == 503 && (retryAfter == null || retryAfter.isBlank()));
    }
}
