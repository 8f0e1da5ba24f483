package dev.spaces.commons.security;

import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * Which check a presented bearer token failed, for the 401's {@code detail}: a client (or whoever runs it) learns
 * what to fix — a token fetched from another Keycloak address, one for another API, an old one — without being told
 * anything the token itself does not carry (never the issuer or audience expected, key ids or library messages).
 * Read from the failure quarkus-oidc reports: jose4j's {@link InvalidJwtException} and its error codes.
 */
public enum TokenRejection {

    MALFORMED(Problem.PREFIX + "it is not a well-formed signed JWT"),
    SIGNATURE(Problem.PREFIX + "its signature does not verify with the identity provider's keys"),
    ISSUER(Problem.PREFIX + "it was issued by another issuer than the one this service trusts"),
    AUDIENCE(Problem.PREFIX + "it is not meant for this API (audience)"),
    EXPIRED(Problem.PREFIX + "it has expired"),
    NOT_YET_VALID(Problem.PREFIX + "it is not valid yet"),
    /**
     * The token may be fine but could not be checked: the identity provider's keys are out of reach (Keycloak not up
     * yet). Not the client's fault, so not a 401 ({@link #tokenAtFault}): 503, to be retried.
     */
    UNVERIFIABLE("The bearer token could not be checked now: the identity provider's keys are unavailable");

    /** What every 401 for a presented token starts with (the gateway's and the services' alike). */
    public static final String PREFIX = Problem.PREFIX;

    /** Seconds a client should wait before retrying an {@link #UNVERIFIABLE} token. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private final String detail;

    TokenRejection(String detail) {
        this.detail = detail;
    }

    /** The problem's {@code detail}, e.g. "The bearer token is not valid: it has expired". */
    public String detail() {
        return detail;
    }

    /** The token failed a check (401); else it could not be checked (503). */
    public boolean tokenAtFault() {
        return this != UNVERIFIABLE;
    }

    /** Enum constants cannot read their own class's static fields in their arguments. */
    private static final class Problem {
        static final String PREFIX = "The bearer token is not valid: ";
    }

    /**
     * The check behind an authentication failure. When jose4j reports several (an old token of another realm),
     * the most fundamental wins: a bad signature makes every claim meaningless, then who issued it, for whom, when.
     */
    public static TokenRejection of(Throwable failure) {
        InvalidJwtException invalid = null;
        boolean unknownKey = false;
        boolean unreachable = false;
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException jwt && invalid == null) {
                invalid = jwt;
            } else if (cause instanceof UnresolvableKeyException) {
                unknownKey = true;
            } else if (cause instanceof io.quarkus.oidc.OIDCException || cause instanceof java.net.ConnectException) {
                unreachable = true;
            }
        }
        if (unknownKey) {
            // signed with a key the realm does not publish (another realm, another Keycloak, a forger's key)
            return SIGNATURE;
        }
        if (invalid == null) {
            // no JWT parse happened: not three dot-separated parts (an opaque or garbage token), or no keys to try
            return unreachable ? UNVERIFIABLE : MALFORMED;
        }
        if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || invalid.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
            return SIGNATURE;
        }
        if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID) || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return ISSUER;
        }
        if (invalid.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || invalid.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return AUDIENCE;
        }
        if (invalid.hasExpired() || invalid.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)) {
            return EXPIRED;
        }
        if (invalid.hasErrorCode(ErrorCodes.NOT_YET_VALID) || invalid.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
            return NOT_YET_VALID;
        }
        return MALFORMED;
    }
}
