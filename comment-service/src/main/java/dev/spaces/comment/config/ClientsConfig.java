package dev.spaces.comment.config;

import dev.spaces.commons.client.CallPolicy;
import io.smallrye.config.ConfigMapping;

/** comment-service's calls to content-service: time limits, retries and breakers (application.properties). */
@ConfigMapping(prefix = "spaces.clients")
public interface ClientsConfig {

    /** "Is this article published?" before a comment is taken (client.ArticleLookup). */
    CallPolicy contentLookup();

    /** Comment and member events handed to content-service's intake (client.ContentEventSender). */
    CallPolicy contentEvents();
}
