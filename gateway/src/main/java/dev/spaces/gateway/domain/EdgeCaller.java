package dev.spaces.gateway.domain;

/**
 * Who is calling, as far as the edge can tell.
 *
 * @param subject the validated token's subject; {@code null} for anonymous callers
 * @param invalid a token was presented but did not validate
 */
public record EdgeCaller(String subject, boolean invalid) {

    public static final EdgeCaller ANONYMOUS = new EdgeCaller(null, false);
    public static final EdgeCaller INVALID = new EdgeCaller(null, true);

    public boolean authenticated() {
        return subject != null;
    }
}
