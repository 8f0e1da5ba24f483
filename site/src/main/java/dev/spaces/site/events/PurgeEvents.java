package dev.spaces.site.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.webhooks.StandardWebhooks;
import dev.spaces.commons.webhooks.WebhookVerificationException;
import dev.spaces.site.client.ContentReader;
import dev.spaces.site.config.SiteConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * The site's subscription to content events (Standard Webhooks from content-service, the same signed deliveries
 * the gateway's cache gets): a {@code site.*} or {@code page.*} event drops the site settings and menu the site
 * keeps, so a renamed blog or a new page shows in the frame of the very next page. Finished pages are kept by the
 * gateway, which purges them on its own subscription.
 */
@ApplicationScoped
public class PurgeEvents {

    private static final Logger LOG = Logger.getLogger(PurgeEvents.class);

    private final SiteConfig config;
    private final ContentReader content;
    private final ObjectMapper json;

    public PurgeEvents(SiteConfig config, ContentReader content, ObjectMapper json) {
        this.config = config;
        this.content = content;
        this.json = json;
    }

    /** Verifies the delivery and acts on it; returns the event type. */
    public String accept(String id, String timestamp, String signature, String body) {
        List<String> secrets = config.eventSecrets().orElse(List.of());
        if (secrets.isEmpty()) {
            LOG.warn("An event arrived but no SPACES_SITE_WEBHOOK_SECRET is configured; rejected");
            throw unauthorized();
        }
        try {
            StandardWebhooks.verify(secrets, id, timestamp, signature, body == null ? "" : body, Instant.now(),
                    config.eventTolerance());
        } catch (WebhookVerificationException e) {
            throw unauthorized();
        }
        String type;
        try {
            JsonNode envelope = json.readTree(body);
            JsonNode t = envelope == null ? null : envelope.get("type");
            if (t == null || !t.isTextual()) {
                throw ProblemException.badRequest("The event has no type");
            }
            type = t.asText();
        } catch (IOException e) {
            throw ProblemException.badRequest("The event is not JSON");
        }
        if (type.startsWith("site.") || type.startsWith("page.")) {
            content.forgetSettings();
        }
        return type;
    }

    private static ProblemException unauthorized() {
        return new ProblemException(401, "unauthorized", "Unauthorized", "The event signature is missing or invalid");
    }
}
