package dev.spaces.comment.mail;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.spaces.comment.domain.Member;
import dev.spaces.comment.repository.MemberRepository;
import dev.spaces.commons.outbox.RetrySchedule;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.ext.mail.SMTPException;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends pending deliveries over SMTP (Quarkus Mailer), each in the transaction that holds its row locked, so two
 * replicas never send the same one. When the server fails, the mail stays pending with a doubling wait (jitter,
 * capped) and the batch stops there: the next mail would meet the same server. A permanent refusal of one mail (an
 * SMTP 5xx reply: unknown mailbox, refused content) marks only that mail FAILED. A mail sent is marked SENT in the same
 * transaction; only a crash between the server's 250 and the commit could send one twice.
 *
 * <p>Each recipient has a bucket (Bucket4j, {@code spaces.mail.send.per-recipient} per period, in this replica): a
 * mail over it waits for the bucket to refill, without counting as a failure.
 */
@ApplicationScoped
public class MailSender {

    /** Stop starting sends this long into a transaction (its timeout is 120 s). */
    private static final Duration ROUND_BUDGET = Duration.ofSeconds(30);

    /**
     * @param sent     mails the server took
     * @param serverDown the server failed: the caller pauses for {@code retryIn}
     */
    public record Round(int claimed, int sent, boolean serverDown, Duration retryIn) {
    }

    private final MailStore store;
    private final MemberRepository members;
    private final Mailer mailer;
    private final MailConfig config;
    private final RetrySchedule backoff;
    private final Cache<Long, Bucket> buckets;
    private final AtomicInteger failuresInARow = new AtomicInteger();

    public MailSender(MailStore store, MemberRepository members, Mailer mailer, MailConfig config) {
        this.store = store;
        this.members = members;
        this.mailer = mailer;
        this.config = config;
        MailConfig.Send send = config.send();
        this.backoff = RetrySchedule.doubling("spaces.mail.send", send.initialBackoff(), send.maxBackoff(),
                send.jitter());
        this.buckets = Caffeine.newBuilder().expireAfterAccess(send.perRecipientPeriod().multipliedBy(2))
                .maximumSize(100_000).build();
    }

    @Transactional
    @TransactionConfiguration(timeout = 120)
    public Round sendBatch() {
        Instant stopAt = Instant.now().plus(ROUND_BUDGET);
        List<MailStore.Due> due = store.claimDue(config.send().batchSize());
        int sent = 0;
        for (MailStore.Due mail : due) {
            if (Instant.now().isAfter(stopAt)) {
                break;
            }
            String notWanted = notWanted(mail);
            if (notWanted != null) {
                store.dropped(mail.id(), notWanted);
                continue;
            }
            ConsumptionProbe probe = bucket(mail.memberId()).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                store.later(mail.id(), "rate limited (spaces.mail.send.per-recipient)",
                        Duration.ofNanos(probe.getNanosToWaitForRefill()), false);
                continue;
            }
            try {
                mailer.send(toMail(mail));
            } catch (RuntimeException e) {
                String error = describe(e);
                if (permanent(e)) {
                    // the server answered 5xx for this mail (unknown mailbox, refused content): it is up, and trying
                    // this one again would not help; the next mail may well go
                    failuresInARow.set(0);
                    store.failed(mail.id(), error);
                    continue;
                }
                int failures = failuresInARow.incrementAndGet();
                if (mail.attempts() + 1 >= config.send().maxAttempts()) {
                    store.failed(mail.id(), error);
                    continue;
                }
                Duration wait = backoff.after(Math.max(failures, mail.attempts() + 1));
                store.later(mail.id(), error, wait, true);
                return new Round(due.size(), sent, true, wait);
            }
            failuresInARow.set(0);
            store.sent(mail.id());
            sent++;
        }
        return new Round(due.size(), sent, false, null);
    }

    /** Why the mail must not go after all (the recipient left or switched it off since), or null. */
    private String notWanted(MailStore.Due mail) {
        Member member = members.findById(mail.memberId());
        if (!MailDispatcher.reachable(member)) {
            return "the member was deleted or has no address";
        }
        boolean wanted = switch (mail.kind()) {
            case REPLY -> member.notifyOnReply;
            case NEW_COMMENT -> member.notifyOnNewComment;
            case DIGEST -> member.moderationDigest && member.moderator;
        };
        if (!wanted) {
            return "unsubscribed from " + mail.kind().code();
        }
        return member.email.equalsIgnoreCase(mail.to()) ? null : "the member's address changed";
    }

    static Mail toMail(MailStore.Due due) {
        return Mail.withHtml(due.to(), due.subject(), due.html())
                .setText(due.text())
                // RFC 2369 + RFC 8058: mail clients offer "unsubscribe" and POST it without opening a page
                .addHeader("List-Unsubscribe", "<" + due.unsubscribeUrl() + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
                .addHeader("Auto-Submitted", "auto-generated");
    }

    private Bucket bucket(long memberId) {
        return buckets.get(memberId, id -> {
            long limit = config.send().perRecipient();
            return Bucket.builder().addLimit(Bandwidth.builder().capacity(limit)
                    .refillGreedy(limit, config.send().perRecipientPeriod()).build()).build();
        });
    }

    public int failuresInARow() {
        return failuresInARow.get();
    }

    private static boolean permanent(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                return smtp.isPermanent();
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
