package dev.spaces.site.client;

/** A service did not answer usefully (down, 5xx, too slow, breaker open) after the guard's retries. */
public final class UpstreamUnavailable extends RuntimeException {

    private final String service;

    public UpstreamUnavailable(String service, Throwable cause) {
        super(service + " is unavailable", cause, false, false);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
