package dev.spaces.e2e.support;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference verifier against the specification's published test vector, so that it can be trusted. */
class StandardWebhooksVerifierTest {

    // https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md (reference vector)
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final Instant THEN = Instant.ofEpochSecond(1614265330);

    private final StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(SECRET);

    @Test
    void acceptsTheReferenceVector() {
        assertThat(verifier.problem(ID, TIMESTAMP, SIGNATURE, BODY, THEN)).isNull();
        assertThat(verifier.problem(ID, TIMESTAMP, "v1,bm9wZQ== " + SIGNATURE, BODY, THEN)).isNull();
    }

    @Test
    void refusesTamperingAndReplays() {
        assertThat(verifier.problem(ID, TIMESTAMP, SIGNATURE, BODY.replace('2', '3'), THEN)).isNotNull();
        assertThat(verifier.problem("msg_other", TIMESTAMP, SIGNATURE, BODY, THEN)).isNotNull();
        assertThat(verifier.problem(ID, TIMESTAMP, SIGNATURE, BODY, THEN.plusSeconds(301))).contains("tolerance");
        assertThat(verifier.problem(ID, TIMESTAMP, "v2," + SIGNATURE.substring(3), BODY, THEN)).isNotNull();
        assertThat(verifier.problem(ID, TIMESTAMP, null, BODY, THEN)).isNotNull();
    }
}
