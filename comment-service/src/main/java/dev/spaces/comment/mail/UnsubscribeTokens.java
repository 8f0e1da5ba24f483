package dev.spaces.comment.mail;

import dev.spaces.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * The token in a mail's List-Unsubscribe link: {@code <member id>.<list>.<expiry epoch seconds>.<HMAC-SHA256>}. It
 * is the only credential of the one-click POST (RFC 8058: mail clients send it without cookies or login), so it names
 * exactly one recipient and one list and stops working after {@code spaces.mail.unsubscribe.ttl}.
 */
@ApplicationScoped
public class UnsubscribeTokens {

    private static final Logger LOG = Logger.getLogger(UnsubscribeTokens.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** What a valid token names. */
    public record Subscription(long memberId, MailKind list) {
    }

    private final byte[] key;
    private final MailConfig config;
    private final Clock clock = Clock.systemUTC();

    public UnsubscribeTokens(MailConfig config) {
        this.config = config;
        String secret = config.unsubscribe().secret().filter(s -> !s.isBlank()).orElse(null);
        if (secret == null) {
            LOG.warn("spaces.mail.unsubscribe.secret (SPACES_MAIL_TOKEN_SECRET) is not set: unsubscribe links are "
                    + "signed with a random key and stop working when this process restarts");
            key = new byte[32];
            new SecureRandom().nextBytes(key);
        } else if (secret.length() < 32) {
            throw new IllegalStateException("spaces.mail.unsubscribe.secret must be at least 32 characters");
        } else {
            key = secret.getBytes(StandardCharsets.UTF_8);
        }
    }

    public String issue(long memberId, MailKind list) {
        return issue(memberId, list, clock.instant().plus(config.unsubscribe().ttl()));
    }

    public String issue(long memberId, MailKind list, Instant expires) {
        String claims = memberId + "." + list.code() + "." + expires.getEpochSecond();
        return claims + "." + sign(claims);
    }

    /** The subscription a token names; 400 when it was not signed here or is malformed, 410 when it has expired. */
    public Subscription verify(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw forged();
        }
        int lastDot = token.lastIndexOf('.');
        if (lastDot < 0) {
            throw forged();
        }
        String claims = token.substring(0, lastDot);
        byte[] expected = sign(claims).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII))) {
            throw forged();
        }
        String[] parts = claims.split("\\.");
        if (parts.length != 3) {
            throw forged();
        }
        try {
            long memberId = Long.parseLong(parts[0]);
            MailKind list = MailKind.of(parts[1]).orElseThrow(UnsubscribeTokens::forged);
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            if (!clock.instant().isBefore(expires)) {
                throw new ProblemException(410, "unsubscribe-link-expired", "Unsubscribe link expired",
                        "This unsubscribe link expired on " + expires + ". Use the link in a more recent mail, or "
                                + "switch the mail off in your profile settings (退订链接已过期，请使用较新邮件中的链接，"
                                + "或在个人设置中关闭邮件通知).");
            }
            return new Subscription(memberId, list);
        } catch (NumberFormatException e) {
            throw forged();
        }
    }

    private String sign(String claims) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(claims.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException forged() {
        return new ProblemException(400, "invalid-unsubscribe-token", "Invalid unsubscribe link",
                "This unsubscribe link was not issued by this site or has been altered; nothing was changed.");
    }
}
