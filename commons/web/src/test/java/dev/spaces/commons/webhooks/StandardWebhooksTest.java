package dev.spaces.commons.webhooks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandardWebhooksTest {

    // The example from the Standard Webhooks reference implementations' test suites.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330;
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsLikeTheReferenceImplementations() {
        assertThat(StandardWebhooks.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void verifiesAnyMatchingSignatureAmongSeveral() {
        String other = StandardWebhooks.newSecret();
        String header = StandardWebhooks.signatureHeader(List.of(other, SECRET), ID, TIMESTAMP, BODY);
        assertThat(header.split(" ")).hasSize(2);
        assertThatCode(() -> StandardWebhooks.verify(List.of(SECRET), ID, String.valueOf(TIMESTAMP), header, BODY,
                Instant.ofEpochSecond(TIMESTAMP + 10), StandardWebhooks.DEFAULT_TOLERANCE)).doesNotThrowAnyException();
    }

    @Test
    void refusesTamperingReplayAndMissingHeaders() {
        Instant now = Instant.ofEpochSecond(TIMESTAMP);
        Duration tolerance = StandardWebhooks.DEFAULT_TOLERANCE;
        assertThatThrownBy(() -> StandardWebhooks.verify(List.of(SECRET), ID, String.valueOf(TIMESTAMP), EXPECTED,
                BODY + " ", now, tolerance)).isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> StandardWebhooks.verify(List.of(SECRET), "msg_other", String.valueOf(TIMESTAMP),
                EXPECTED, BODY, now, tolerance)).isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> StandardWebhooks.verify(List.of(SECRET), ID, String.valueOf(TIMESTAMP), EXPECTED,
                BODY, now.plusSeconds(301), tolerance)).hasMessageContaining("tolerance");
        assertThatThrownBy(() -> StandardWebhooks.verify(List.of(StandardWebhooks.newSecret()), ID,
                String.valueOf(TIMESTAMP), EXPECTED, BODY, now, tolerance)).hasMessageContaining("No webhook signature");
        assertThatThrownBy(() -> StandardWebhooks.verify(List.of(SECRET), ID, null, EXPECTED, BODY, now, tolerance))
                .hasMessageContaining("Missing");
        assertThatThrownBy(() -> StandardWebhooks.verify(List.of(SECRET), ID, "soon", EXPECTED, BODY, now, tolerance))
                .hasMessageContaining("seconds");
        assertThatThrownBy(() -> StandardWebhooks.verify(List.of(SECRET), ID, String.valueOf(TIMESTAMP),
                "v1,not-base64!", BODY, now, tolerance)).isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void newSecretsAreDistinctAndUsable() {
        String a = StandardWebhooks.newSecret();
        assertThat(a).startsWith("whsec_").isNotEqualTo(StandardWebhooks.newSecret());
        String signature = StandardWebhooks.sign(a, ID, TIMESTAMP, BODY);
        assertThatCode(() -> StandardWebhooks.verify(List.of(a), ID, String.valueOf(TIMESTAMP), signature, BODY,
                Instant.ofEpochSecond(TIMESTAMP), Duration.ofSeconds(1))).doesNotThrowAnyException();
    }
}
