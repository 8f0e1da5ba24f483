package dev.spaces.comment.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Mail to members (README "Mail"). The SMTP server, sender address and DKIM are Quarkus Mailer's own settings
 * ({@code quarkus.mailer.*}); these are the pipeline's.
 */
@ConfigMapping(prefix = "spaces.mail")
public interface MailConfig {

    /** Run the dispatcher and the sender in this process. */
    @WithDefault("true")
    boolean enabled();

    /** The reader site's public address: links to threads in the mail. */
    String siteUrl();

    /** The public address of the API (through the gateway): the List-Unsubscribe links. */
    String apiUrl();

    Dispatch dispatch();

    Send send();

    Digest digest();

    Unsubscribe unsubscribe();

    /** Reading the outbox and deciding who gets which mail. */
    interface Dispatch {
        /** Outbox events read per transaction. */
        @WithDefault("200")
        int batchSize();

        /** Fallback poll in case a NOTIFY was lost; a new event wakes the dispatcher at once. */
        @WithDefault("PT2S")
        Duration pollInterval();

        /**
         * An outbox seq still missing after a later event is this old belongs to a transaction that rolled back (or
         * never commits): the cursor moves past it. Until then the events after it are read again on every round
         * (harmless: deliveries are unique per event and recipient) so a late commit is not skipped. Comment
         * transactions commit within milliseconds, so ten seconds covers a slow one; every rolled-back post leaves a
         * gap, and while the cursor waits at one, events beyond a batch after it are not read — a minute of that
         * delayed mail for a minute.
         */
        @WithDefault("PT10S")
        Duration gapGrace();

        /** Longest excerpt of a comment in a digest, in characters. */
        @WithDefault("200")
        int excerptLength();
    }

    /** Sending pending deliveries over SMTP. */
    interface Send {
        @WithDefault("20")
        int batchSize();

        @WithDefault("PT5S")
        Duration pollInterval();

        /** SMTP failures back off doubling from this… */
        @WithDefault("PT1S")
        Duration initialBackoff();

        /** …up to this, for every later try. */
        @WithDefault("PT5M")
        Duration maxBackoff();

        @WithDefault("0.2")
        double jitter();

        /** A mail that failed this many times is given up (FAILED, with its last error). */
        @WithDefault("40")
        int maxAttempts();

        /** Mails one recipient may get per {@link #perRecipientPeriod()}; the rest wait for the bucket to refill. */
        @WithDefault("20")
        long perRecipient();

        @WithDefault("PT1H")
        Duration perRecipientPeriod();
    }

    /** The moderators' digest of comments waiting for moderation. */
    interface Digest {
        /** One digest per window of this length (aligned to the epoch); 0: never on its own (a test calls it). */
        @WithDefault("PT1H")
        Duration interval();

        /** Comments listed in one digest; the mail says how many more wait. */
        @WithDefault("30")
        int maxListed();
    }

    /** The signed links in List-Unsubscribe (RFC 8058). */
    interface Unsubscribe {
        /**
         * HMAC-SHA256 key (SPACES_MAIL_TOKEN_SECRET, at least 32 characters). Without one a random key is made at
         * start: links then stop working after a restart and differ between replicas (a warning says so).
         */
        Optional<String> secret();

        /** How long a link keeps working. */
        @WithDefault("P60D")
        Duration ttl();
    }
}
