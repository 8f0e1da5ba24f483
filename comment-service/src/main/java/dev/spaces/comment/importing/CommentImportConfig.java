package dev.spaces.comment.importing;

import dev.spaces.commons.client.CallPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Comment import and export (application.properties, {@code spaces.comment-import.*}). */
@ConfigMapping(prefix = "spaces.comment-import")
public interface CommentImportConfig {

    /**
     * The whole import is one transaction (broken input stores nothing), and a blog's comments are rendered inside
     * it: 100,000 comments take minutes, far longer than the default transaction timeout.
     */
    Duration transactionTimeout();

    /** Items (skipped, updated, warned) the report lists one by one; every one is counted beyond that. */
    int maxReportItems();

    /** The body limit of every path but the import's (see {@link BodyLimit}). */
    @WithDefault("64K")
    io.quarkus.runtime.configuration.MemorySize otherPathsMaxBodySize();

    /** Rows the export reads per round trip: the export streams, memory stays flat. */
    @WithDefault("500")
    int exportFetchSize();

    Keycloak keycloak();

    /** Members are matched with, or created as, Keycloak users through its admin REST API. */
    interface Keycloak {

        /** The realm the site's users live in. */
        String realm();

        /** A confidential client whose service account has realm-management's view-users and manage-users. */
        String clientId();

        String clientSecret();

        /** Time limit, retries and breaker of each admin API call (client credentials, search, create). */
        CallPolicy call();
    }
}
