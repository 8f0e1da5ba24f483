package dev.spaces.gateway.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.spaces.gateway.config.GatewayConfig;
import dev.spaces.gateway.domain.RouteClass;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets (Bucket4j) per route class and caller: signed-in callers by token subject, anonymous ones by client
 * address. Buckets refill smoothly over the class's window; idle buckets are dropped.
 */
@ApplicationScoped
public class RateLimiter {

    private final GatewayConfig config;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(GatewayConfig config) {
        this.config = config;
        this.buckets = Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(15, TimeUnit.MINUTES).build();
    }

    public Decision consume(RouteClass routeClass, String subject, String clientAddress) {
        GatewayConfig.RouteClassConfig limits = config.routeClass(routeClass);
        boolean bySubject = subject != null;
        long capacity = bySubject ? limits.perSubject() : limits.perClient();
        Duration window = limits.window();
        String key = routeClass.id() + (bySubject ? "|sub|" + subject : "|ip|" + clientAddress);
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, window))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long resetSeconds = ceilSeconds(probe.getNanosToWaitForReset());
        long retryAfter = probe.isConsumed() ? 0 : Math.max(1, ceilSeconds(probe.getNanosToWaitForRefill()));
        return new Decision(probe.isConsumed(), routeClass.id(), capacity, window.toSeconds(),
                probe.getRemainingTokens(), resetSeconds, retryAfter);
    }

    private static long ceilSeconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /** The outcome, and the IETF RateLimit / RateLimit-Policy header values (draft-ietf-httpapi-ratelimit-headers). */
    public record Decision(boolean allowed, String policy, long quota, long windowSeconds, long remaining,
                           long resetSeconds, long retryAfterSeconds) {

        public String policyHeader() {
            return "\"" + policy + "\";q=" + quota + ";w=" + windowSeconds;
        }

        public String rateLimitHeader() {
            return "\"" + policy + "\";r=" + remaining + ";t=" + (allowed ? resetSeconds : retryAfterSeconds);
        }
    }
}
