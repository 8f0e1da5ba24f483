package dev.spaces.comment.mail;

import dev.spaces.comment.domain.Member;
import dev.spaces.comment.repository.MemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The moderators' digest: once per window ({@code spaces.mail.digest.interval}, hourly by default, aligned to the
 * epoch), one mail to each moderator who wants it listing the comments waiting for moderation; none when nothing
 * waits. The window is the delivery's source, so replicas (or a restart) running the same window mail nobody twice.
 */
@ApplicationScoped
public class ModerationDigest {

    private final MailStore store;
    private final MemberRepository members;
    private final MailComposer composer;
    private final MailDispatcher dispatcher;
    private final MailConfig config;

    public ModerationDigest(MailStore store, MemberRepository members, MailComposer composer,
                            MailDispatcher dispatcher, MailConfig config) {
        this.store = store;
        this.members = members;
        this.composer = composer;
        this.dispatcher = dispatcher;
        this.config = config;
    }

    /** The start of the window {@code now} falls in. */
    public static Instant windowStart(Instant now, Duration interval) {
        long millis = interval.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), millis) * millis);
    }

    /** @return the digests written for this window (0 when nothing waits or it was done already) */
    @Transactional
    public int run(Instant windowStart) {
        long total = store.pendingComments();
        if (total == 0) {
            return 0;
        }
        List<MailStore.PendingComment> listed = store.pendingComments(config.digest().maxListed(),
                config.dispatch().excerptLength());
        List<Member> moderators = members.list("moderator = true and moderationDigest = true and deletedAt is null");
        int written = 0;
        for (Member moderator : moderators) {
            if (!MailDispatcher.reachable(moderator)) {
                continue;
            }
            String unsubscribe = dispatcher.unsubscribeUrl(moderator, MailKind.DIGEST);
            ComposedMail mail = composer.digest(moderator.mailLanguage, moderator.displayName, total, listed,
                    unsubscribe);
            if (store.insert(new MailStore.NewDelivery("digest:" + windowStart, MailKind.DIGEST, moderator.id,
                    moderator.email, mail, unsubscribe))) {
                written++;
            }
        }
        return written;
    }
}
