package dev.spaces.content.importing.comments;

import dev.spaces.commons.client.CallPolicy;
import io.smallrye.config.ConfigMapping;

/** Handing an import's members and comments to comment-service (application.properties). */
@ConfigMapping(prefix = "spaces.content.imports.comments")
public interface CommentForwardingConfig {

    /** Off: members and comments are counted as skipped, as before comment-service could import them. */
    boolean enabled();

    /** Time limit, retries and breaker of the hand-over. */
    CallPolicy call();
}
