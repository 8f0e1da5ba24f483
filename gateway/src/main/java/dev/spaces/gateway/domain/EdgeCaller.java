package dev.spaces.gateway.domain;

import dev.spaces.commons.security.TokenRejection;

/**
 * Who is calling, as far as the edge can tell.
 *
 * @param subject the validated token's subject; {@code null} for anonymous callers
 * @param rejection why a presented token did not validate; {@code null} when none was presented or it validated
 */
public record EdgeCaller(String subject, TokenRejection rejection) {

    public static final EdgeCaller ANONYMOUS = new EdgeCaller(null, null);

    public static EdgeCaller rejected(TokenRejection rejection) {
        return new EdgeCaller(null, rejection);
    }

    /** A token was presented but did not validate. */
    public boolean invalid() {
        return rejection != null;
    }

    public boolean authenticated() {
        return subject != null;
    }
}
