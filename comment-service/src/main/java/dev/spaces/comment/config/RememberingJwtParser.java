package dev.spaces.comment.config;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;

/**
 * The bearer-token parser the JWT authentication uses: smallrye-jwt's, remembering each token that validated,
 * exactly as presented, until its {@code exp} (at most {@link #REMEMBER_AT_MOST}). A member sends the same token
 * with every request for its lifetime, and parsing it and checking its RSA signature again each time was about a
 * tenth of a comment POST's CPU. Only the parsed token is kept (the request's security identity is still built per
 * request); a token that failed is never remembered, and one past its {@code exp} is checked again in full (where
 * the configured clock skew applies). The gateway does the same at the edge ({@code EdgeAuthenticator}).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class RememberingJwtParser implements JWTParser {

    /** Access tokens live minutes; the bound only keeps a token without {@code exp} from being trusted for long. */
    static final Duration REMEMBER_AT_MOST = Duration.ofMinutes(10);
    private static final int REMEMBERED_TOKENS = 4096;

    private final DefaultJWTParser parser;
    private final Clock clock;
    private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(REMEMBERED_TOKENS).build();

    @Inject
    public RememberingJwtParser(DefaultJWTParser parser) {
        this(parser, Clock.systemUTC());
    }

    RememberingJwtParser(DefaultJWTParser parser, Clock clock) {
        this.parser = parser;
        this.clock = clock;
    }

    private record Verified(JsonWebToken jwt, long validUntilMillis) {
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            if (clock.millis() < known.validUntilMillis()) {
                return known.jwt();
            }
            verified.invalidate(token);
        }
        JsonWebToken jwt = parser.parse(token);
        long bound = clock.millis() + REMEMBER_AT_MOST.toMillis();
        long expires = jwt.getExpirationTime() > 0 ? jwt.getExpirationTime() * 1000 : bound;
        verified.put(token, new Verified(jwt, Math.min(expires, bound)));
        return jwt;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
