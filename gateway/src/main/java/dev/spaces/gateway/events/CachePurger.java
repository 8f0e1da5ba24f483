package dev.spaces.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.webhooks.StandardWebhooks;
import dev.spaces.commons.webhooks.WebhookVerificationException;
import dev.spaces.gateway.config.GatewayConfig;
import dev.spaces.gateway.domain.Upstream;
import dev.spaces.gateway.service.ResponseCache;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Turns content events (Standard Webhooks deliveries from content-service) into cache purges. An article event
 * drops every cached answer: one article shows up in lists, feeds, the archive, taxonomy counts, related lists and
 * the sitemap, and working out exactly which keys it touched is not worth the risk of serving stale pages.
 * Comment and member events drop comment-service answers.
 */
@ApplicationScoped
public class CachePurger {

    private static final Logger LOG = Logger.getLogger(CachePurger.class);

    private final ResponseCache cache;
    private final GatewayConfig config;
    private final ObjectMapper json;

    public CachePurger(ResponseCache cache, GatewayConfig config, ObjectMapper json) {
        this.cache = cache;
        this.config = config;
        this.json = json;
    }

    /** Verifies a delivery and purges what it affects; returns the event type. */
    public String accept(String messageId, String timestamp, String signature, String body) {
        List<String> secrets = config.events().secrets().orElse(List.of());
        if (secrets.isEmpty()) {
            LOG.warn("An event arrived but no SPACES_GATEWAY_WEBHOOK_SECRET is configured; rejected");
            throw unauthorized();
        }
        try {
            StandardWebhooks.verify(secrets, messageId, timestamp, signature, body == null ? "" : body, Instant.now(),
                    config.events().tolerance());
        } catch (WebhookVerificationException e) {
            LOG.debugf("Rejected an event: %s", e.getMessage());
            throw unauthorized();
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(body);
        } catch (IOException e) {
            throw ProblemException.badRequest("The event is not JSON");
        }
        JsonNode type = envelope == null ? null : envelope.get("type");
        if (type == null || !type.isTextual()) {
            throw ProblemException.badRequest("The event has no type");
        }
        Set<Upstream> affected = affected(type.asText());
        if (!affected.isEmpty()) {
            cache.purge(affected);
            LOG.debugf("Event %s (%s) purged cached answers of %s", messageId, type.asText(), affected);
        }
        return type.asText();
    }

    static Set<Upstream> affected(String type) {
        if (type.startsWith("article.")) {
            return EnumSet.allOf(Upstream.class); // search results and page parts show articles too
        }
        if (type.startsWith("comment.") || type.startsWith("member.")) {
            return EnumSet.of(Upstream.COMMENT);
        }
        return EnumSet.noneOf(Upstream.class); // webhook.ping and future types: nothing cached depends on them
    }

    private static ProblemException unauthorized() {
        return new ProblemException(401, "unauthorized", "Unauthorized", "The event signature is missing or invalid");
    }
}
