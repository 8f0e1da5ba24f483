package dev.spaces.comment.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.spaces.comment.config.CommentConfig;
import dev.spaces.commons.problem.ProblemException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rate limits (per member, per client network — IPv4 /24, IPv6 /48 — and site-wide, token buckets from Bucket4j)
 * and the rules that hold a comment for moderation (too many links, banned words).
 */
@ApplicationScoped
public class SpamGuard {

    private static final Pattern LINK = Pattern.compile("(?i)(https?://|mailto:|\\bwww\\.)");

    private final CommentConfig config;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(200_000).build();
    private final Bucket siteWide;
    private final List<String> bannedWords;

    public SpamGuard(CommentConfig config) {
        this.config = config;
        this.siteWide = bucket(config.rateLimits().siteWide());
        this.bannedWords = config.bannedWords().orElse(List.of()).stream()
                .map(w -> w.strip().toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).toList();
    }

    /** Takes one token from each bucket that applies, or answers 429 with Retry-After. */
    public void admit(String memberKey, String networkKey) {
        take(buckets.get("m:" + memberKey, k -> bucket(config.rateLimits().perMember())), "you");
        take(buckets.get("n:" + networkKey, k -> bucket(config.rateLimits().perNetwork())), "your network");
        take(siteWide, "this site");
    }

    /**
     * Takes one token from the member's report bucket, or answers 429 with Retry-After: reporting is cheap for the
     * reporter and costs a moderator's attention, so one member cannot flood the Reported queue.
     */
    public void admitReport(String memberKey) {
        Bucket bucket = buckets.get("r:" + memberKey, k -> bucket(config.rateLimits().reportsPerMember()));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = waitSeconds(probe);
            throw new ProblemException(429, "rate-limited", "Too many reports",
                    "You have reported too many comments; try again in " + seconds + " s")
                    .withHeader("Retry-After", String.valueOf(seconds));
        }
    }

    /** Why a comment should wait for a moderator, if it should. */
    public Optional<String> holdReason(String body) {
        Matcher links = LINK.matcher(body);
        int count = 0;
        while (links.find()) {
            count++;
        }
        if (count > config.maxLinks()) {
            return Optional.of("more than " + config.maxLinks() + " links");
        }
        String lower = body.toLowerCase(Locale.ROOT);
        return bannedWords.stream().filter(lower::contains).findFirst().map(w -> "contains a banned word");
    }

    private Bucket bucket(int limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, config.rateLimits().window()).build())
                .build();
    }

    private static void take(Bucket bucket, String who) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = waitSeconds(probe);
            throw new ProblemException(429, "rate-limited", "Too many comments",
                    "Too many comments from " + who + "; try again in " + seconds + " s")
                    .withHeader("Retry-After", String.valueOf(seconds));
        }
    }

    private static long waitSeconds(ConsumptionProbe probe) {
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }
}
