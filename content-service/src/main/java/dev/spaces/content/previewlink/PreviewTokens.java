package dev.spaces.content.previewlink;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Preview tokens: {@code <linkId>.<expiry, Unix seconds>.<signature>}, the signature being base64url HMAC-SHA256 of
 * id and expiry under the preview secret. A token is checked without the database (forged or altered ones cost no
 * query), compared in constant time; the link's row then says whether it was revoked. Tokens are not stored, so a
 * copy of the database opens no draft.
 */
@ApplicationScoped
@Startup // a secret that is too short stops the start, rather than the first preview link
public class PreviewTokens {

    /** The secret the development profile ships with; a production start with it is logged loudly. */
    static final String DEV_SECRET = "dev-only-preview-secret-change-me-0123456789";
    private static final Logger LOG = Logger.getLogger(PreviewTokens.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** What a well-signed token names. */
    public record Claims(long linkId, Instant expiresAt) {
    }

    private final SecretKeySpec key;

    public PreviewTokens(PreviewLinkConfig config) {
        String secret = config.secret();
        if (secret.length() < 32) {
            throw new IllegalStateException("spaces.preview-links.secret (SPACES_PREVIEW_SECRET) must have at least "
                    + "32 characters");
        }
        if (secret.equals(DEV_SECRET) && LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.warn("Preview links are signed with the development secret: set SPACES_PREVIEW_SECRET, or anyone "
                    + "who reads the source can forge links to drafts");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String token(long linkId, Instant expiresAt) {
        long seconds = expiresAt.getEpochSecond();
        return linkId + "." + seconds + "." + BASE64URL.encodeToString(signature(linkId, seconds));
    }

    /** The claims of a token this service signed; empty for anything else (malformed, altered, other key). */
    public Optional<Claims> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        long linkId;
        long seconds;
        try {
            linkId = Long.parseLong(parts[0]);
            seconds = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // one spelling per link: "+12" or "012" would sign as 12, so only the canonical digits are accepted
        if (!Long.toString(linkId).equals(parts[0]) || !Long.toString(seconds).equals(parts[1])) {
            return Optional.empty();
        }
        // compared as text, not decoded bytes: Base64 decoders ignore a last character's unused bits, which would
        // let several spellings of one signature pass. Constant time: how many leading characters matched must not
        // show in the response time.
        byte[] expected = BASE64URL.encodeToString(signature(linkId, seconds)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(parts[2].getBytes(StandardCharsets.US_ASCII), expected)) {
            return Optional.empty();
        }
        return Optional.of(new Claims(linkId, Instant.ofEpochSecond(seconds)));
    }

    private byte[] signature(long linkId, long expirySeconds) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // a purpose prefix: the same secret reused for something else would never produce a valid token here
            return mac.doFinal(("spaces-preview-link:v1:" + linkId + ":" + expirySeconds)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
