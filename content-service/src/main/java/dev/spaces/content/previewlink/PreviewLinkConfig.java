package dev.spaces.content.previewlink;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Preview links of drafts ({@code spaces.preview-links.*}). */
@ConfigMapping(prefix = "spaces.preview-links")
public interface PreviewLinkConfig {

    /**
     * The HMAC-SHA256 key tokens are signed with (SPACES_PREVIEW_SECRET), at least 32 characters. Changing it
     * invalidates every link issued before; replicas must share it.
     */
    String secret();

    /** Lifetime of a link created without {@code expiresAt}. */
    @WithDefault("P7D")
    Duration defaultLifetime();

    /** The longest lifetime a link may be given: a draft shared for review should not stay readable for ever. */
    @WithDefault("P30D")
    Duration maxLifetime();
}
