package dev.spaces.gateway.domain;

/** The services behind the gateway; config values are the lower-case names. */
public enum Upstream {
    CONTENT, COMMENT, SEARCH,
    /** The reader site (module site): HTML pages at every path outside the API, Studio and the gateway's own. */
    SITE;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether it publishes an OpenAPI document of the API (the reader site serves pages, not API). */
    public boolean documented() {
        return this != SITE;
    }
}
