package dev.spaces.comment.config;

import dev.spaces.commons.testing.MutableClock;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RememberingJwtParserTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Stands in for smallrye-jwt's parser: records what it was asked, accepts "good-…" tokens. */
    static final class CountingParser extends DefaultJWTParser {
        final List<String> parsed = new ArrayList<>();
        final Map<String, Long> expiry;

        CountingParser(Map<String, Long> expiry) {
            this.expiry = expiry;
        }

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            parsed.add(token);
            if (!token.startsWith("good-")) {
                throw new ParseException("bad signature");
            }
            return new Jwt(token, expiry.getOrDefault(token, 0L));
        }
    }

    record Jwt(String name, long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claim) {
            return Claims.exp.name().equals(claim) ? (T) Long.valueOf(exp) : null; // 0: no exp
        }
    }


    private final MutableClock clock = new MutableClock(T0);
    private final CountingParser delegate = new CountingParser(Map.of(
            "good-a", T0.plusSeconds(300).getEpochSecond(),
            "good-b", T0.plusSeconds(300).getEpochSecond()));
    private final RememberingJwtParser parser = new RememberingJwtParser(delegate, clock);

    @Test
    void aValidatedTokenIsCheckedOnceUntilItExpires() throws ParseException {
        JsonWebToken first = parser.parse("good-a");
        clock.set(T0.plusSeconds(299));
        assertThat(parser.parse("good-a")).isSameAs(first);
        assertThat(delegate.parsed).containsExactly("good-a");

        clock.set(T0.plusSeconds(300));
        parser.parse("good-a");
        assertThat(delegate.parsed).containsExactly("good-a", "good-a");
    }

    @Test
    void tokensAreRememberedExactlyAsPresented() throws ParseException {
        parser.parse("good-a");
        parser.parse("good-b");
        assertThat(parser.parse("good-b").getName()).isEqualTo("good-b");
        assertThat(delegate.parsed).containsExactly("good-a", "good-b");
    }

    @Test
    void aTokenThatFailedIsNeverRemembered() {
        assertThatThrownBy(() -> parser.parse("forged")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> parser.parse("forged")).isInstanceOf(ParseException.class);
        assertThat(delegate.parsed).containsExactly("forged", "forged");
    }

    @Test
    void aTokenWithoutExpiryIsRememberedForAtMostTheBound() throws ParseException {
        parser.parse("good-noexp");
        clock.set(T0.plus(RememberingJwtParser.REMEMBER_AT_MOST).minus(Duration.ofSeconds(1)));
        parser.parse("good-noexp");
        assertThat(delegate.parsed).hasSize(1);
        clock.set(T0.plus(RememberingJwtParser.REMEMBER_AT_MOST));
        parser.parse("good-noexp");
        assertThat(delegate.parsed).hasSize(2);
    }
}
