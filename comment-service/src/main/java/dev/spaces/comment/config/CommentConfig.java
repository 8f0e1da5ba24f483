package dev.spaces.comment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "spaces.comment")
public interface CommentConfig {

    /** Guests (no account) may comment; they need name and email and always go to moderation. */
    @WithDefault("false")
    boolean guestComments();

    /** Members with this many approved comments skip the moderation queue (WordPress's default rule is 1). */
    @WithDefault("1")
    int trustedAfterApproved();

    @WithDefault("PT15M")
    Duration editWindow();

    @WithDefault("10000")
    int maxBodyChars();

    /** Longest accepted source line (characters). */
    @WithDefault("10000")
    int maxLineLength();

    /** Comments with more links than this are held for moderation. */
    @WithDefault("2")
    int maxLinks();

    /** The same body from the same member within this window is a duplicate (409). */
    @WithDefault("PT10M")
    Duration duplicateWindow();

    /** Words (case-insensitive) that hold a comment for moderation. */
    Optional<List<String>> bannedWords();

    /** Display names nobody may take (besides admin/管理员): the blog author's. */
    List<String> siteAuthorNames();

    /** Replies deeper than this are shown flattened under their ancestor at this depth. */
    @WithDefault("3")
    int maxDepth();

    @WithDefault("PT30S")
    Duration articleCacheTtl();

    RateLimits rateLimits();

    Views views();

    /** Comments allowed per {@link RateLimits#window()}; tokens refill smoothly over the window. */
    interface RateLimits {
        @WithDefault("PT1M")
        Duration window();

        @WithDefault("10")
        int perMember();

        @WithDefault("30")
        int perNetwork();

        @WithDefault("600")
        int siteWide();

        /** Reports of comments one member may file per {@link #window()}. */
        @WithDefault("10")
        int reportsPerMember();
    }

    interface Views {
        /** Proxies whose X-Forwarded-For is believed (CIDR). */
        List<String> trustedProxies();
    }
}
