package dev.spaces.gateway.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.webhooks.StandardWebhooks;
import dev.spaces.commons.webhooks.WebhookVerificationException;
import dev.spaces.gateway.client.PeerForwarder;
import dev.spaces.gateway.config.GatewayConfig;
import dev.spaces.gateway.domain.Upstream;
import dev.spaces.gateway.service.ResponseCache;
import io.vertx.core.net.SocketAddress;
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
 * Comment and member events drop comment-service answers; page and site events content-service's.
 *
 * <p>With several replicas, the one that receives an event passes it on to the others ({@link PeerForwarder});
 * each replica remembers the webhook-ids it has handled, so a repeat (content-service retrying, a forward that
 * crossed a direct delivery) changes nothing. Ids are remembered only after the signature checks out.
 */
@ApplicationScoped
public class CachePurger {

    private static final Logger LOG = Logger.getLogger(CachePurger.class);

    private final ResponseCache cache;
    private final GatewayConfig config;
    private final ObjectMapper json;
    private final PeerForwarder peers;
    private final Cache<String, Boolean> seen;

    public CachePurger(ResponseCache cache, GatewayConfig config, ObjectMapper json, PeerForwarder peers) {
        this.cache = cache;
        this.config = config;
        this.json = json;
        this.peers = peers;
        this.seen = Caffeine.newBuilder().maximumSize(config.cache().seenEventIds())
                .expireAfterWrite(config.events().tolerance().multipliedBy(2)).build();
    }

    /**
     * Verifies a delivery, purges what it affects and, unless it was forwarded by a peer already, passes it on to
     * the other replicas. Returns the event type.
     *
     * @param relayedBy  the {@link PeerForwarder#RELAYED_HEADER} value, null when the event came from its sender
     * @param receivedOn the local address the request came in on
     */
    public String accept(String messageId, String timestamp, String signature, String body, String relayedBy,
                         SocketAddress receivedOn) {
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
        if (seen.asMap().putIfAbsent(messageId, Boolean.TRUE) != null) {
            LOG.debugf("Event %s (%s) was handled here already", messageId, type.asText());
            return type.asText();
        }
        Set<Upstream> affected = affected(type.asText());
        if (!affected.isEmpty()) {
            cache.purge(affected);
            LOG.debugf("Event %s (%s) purged cached answers of %s", messageId, type.asText(), affected);
        }
        if (relayedBy == null) {
            peers.forward(messageId, timestamp, signature, body, receivedOn);
        }
        return type.asText();
    }

    static Set<Upstream> affected(String type) {
        if (type.startsWith("article.")) {
            return EnumSet.allOf(Upstream.class); // search results and page parts show articles too
        }
        // the reader site's pages show comments (threads, counts), pages (the menu) and the site settings (name,
        // licence) as well as articles: every event that changes what a reader sees purges them
        if (type.startsWith("comment.") || type.startsWith("member.")) {
            return EnumSet.of(Upstream.COMMENT, Upstream.SITE);
        }
        if (type.startsWith("page.") || type.startsWith("site.")) {
            // /api/v1/site, /api/v1/pages/**; the gateway's page composition and search show neither
            return EnumSet.of(Upstream.CONTENT, Upstream.SITE);
        }
        return EnumSet.noneOf(Upstream.class); // webhook.ping and future types: nothing cached depends on them
    }

    private static ProblemException unauthorized() {
        return new ProblemException(401, "unauthorized", "Unauthorized", "The event signature is missing or invalid");
    }
}
