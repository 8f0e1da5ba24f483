package dev.spaces.gateway.domain;

/** Routes grouped by what they cost and risk; each class has its own timeout and rate limits. */
public enum RouteClass {
    /** Public reads (GET/HEAD of content, comments, profiles). */
    READS,
    /** Anything that changes state. */
    WRITES,
    /** Full-text and formula search: expensive per request. */
    SEARCH,
    /** Account, moderation and admin surfaces that always need a token: a target for credential stuffing. */
    AUTH_SENSITIVE;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
