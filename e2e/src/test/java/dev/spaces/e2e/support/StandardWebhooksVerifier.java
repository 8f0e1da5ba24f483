package dev.spaces.e2e.support;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A reference verifier written from the Standard Webhooks specification (standardwebhooks.com, "Verifying
 * webhook authenticity"), independent of the project's own implementation in commons:
 * <ul>
 *   <li>the secret is {@code whsec_} followed by the base64 of the key;</li>
 *   <li>the signed content is {@code webhook-id + "." + webhook-timestamp + "." + body};</li>
 *   <li>{@code webhook-signature} is a space-delimited list of {@code v1,<base64 HMAC-SHA256>}; one match is
 *       enough, compared in constant time;</li>
 *   <li>the timestamp (integer seconds since the epoch) must be within a tolerance of now (replay protection).</li>
 * </ul>
 */
public final class StandardWebhooksVerifier {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] key;

    public StandardWebhooksVerifier(String secret) {
        String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        this.key = Base64.getDecoder().decode(encoded);
    }

    /** Null when the message is authentic, else why it is not. */
    public String problem(String id, String timestamp, String signatureHeader, String body, Instant now) {
        if (id == null || timestamp == null || signatureHeader == null) {
            return "missing webhook-id, webhook-timestamp or webhook-signature";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "webhook-timestamp is not integer seconds: " + timestamp;
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(TOLERANCE) > 0) {
            return "webhook-timestamp " + timestamp + " is outside the tolerance";
        }
        byte[] expected = sign(id + "." + timestamp + "." + body);
        for (String candidate : signatureHeader.trim().split(" +")) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !candidate.substring(0, comma).equals("v1")) {
                continue; // other schemes (v1a: asymmetric) are not ours to check
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return null;
            }
        }
        return "no v1 signature matches";
    }

    public byte[] sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
