package dev.spaces.commons.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * Signing and verification per the Standard Webhooks specification (standardwebhooks.com): the signed content is
 * {@code webhook-id + "." + webhook-timestamp + "." + body}, signed with HMAC-SHA256 under the base64 key that
 * follows the {@code whsec_} prefix, sent as {@code webhook-signature: v1,<base64>} (several signatures are
 * space-separated, which is how a rotated secret keeps working during its grace period).
 */
public final class StandardWebhooks {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";
    public static final String SECRET_PREFIX = "whsec_";
    /** The spec's default: a delivery older or newer than this is a replay or a broken clock. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SIGNATURE_VERSION = "v1,";

    private StandardWebhooks() {
    }

    /** A fresh {@code whsec_<base64 of 32 random bytes>} secret. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** {@code v1,<base64 HMAC-SHA256>} of the message under one secret. */
    public static String sign(String secret, String messageId, long timestampSeconds, String body) {
        return SIGNATURE_VERSION + Base64.getEncoder().encodeToString(hmac(key(secret), messageId, timestampSeconds, body));
    }

    /** The {@code webhook-signature} header value: one signature per secret, space-separated. */
    public static String signatureHeader(Collection<String> secrets, String messageId, long timestampSeconds,
                                         String body) {
        return String.join(" ", secrets.stream().map(s -> sign(s, messageId, timestampSeconds, body)).toList());
    }

    /**
     * Checks a received delivery.
     *
     * @throws WebhookVerificationException when a header is missing, the timestamp is outside the tolerance, or no
     *                                      {@code v1} signature matches any of the secrets
     */
    public static void verify(List<String> secrets, String messageId, String timestampHeader, String signatureHeader,
                              String body, Instant now, Duration tolerance) {
        if (blank(messageId) || blank(timestampHeader) || blank(signatureHeader)) {
            throw new WebhookVerificationException("Missing webhook-id, webhook-timestamp or webhook-signature header");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            throw new WebhookVerificationException("webhook-timestamp is not a number of seconds");
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            throw new WebhookVerificationException("webhook-timestamp is outside the accepted tolerance");
        }
        for (String secret : secrets) {
            byte[] expected = hmac(key(secret), messageId, timestamp, body);
            for (String candidate : signatureHeader.strip().split(" +")) {
                if (!candidate.startsWith(SIGNATURE_VERSION)) {
                    continue; // other schemes (v1a, …) are not ours to check
                }
                byte[] received;
                try {
                    received = Base64.getDecoder().decode(candidate.substring(SIGNATURE_VERSION.length()));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (MessageDigest.isEqual(expected, received)) {
                    return;
                }
            }
        }
        throw new WebhookVerificationException("No webhook signature matches");
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A webhook secret is whsec_ followed by base64", e);
        }
    }

    private static byte[] hmac(byte[] key, String messageId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
