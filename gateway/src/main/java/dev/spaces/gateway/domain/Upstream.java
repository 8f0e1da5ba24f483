package dev.spaces.gateway.domain;

/** The services behind the gateway; config values are the lower-case names. */
public enum Upstream {
    CONTENT, COMMENT, SEARCH;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
