package dev.spaces.content.webhook;

import dev.spaces.commons.webhooks.WebhookTargetPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Subscriptions declared in configuration ({@code spaces.webhooks.system."<name>".*}) — how the search service and
 * the gateway cache subscribe in a deployment — upserted at startup. A changed secret keeps the old one valid for
 * the grace period, so that subscriber and service can be rolled out in either order. Entries that disappear from
 * the configuration are deactivated, not deleted, so their delivery history stays.
 */
@ApplicationScoped
public class SystemSubscriptions {

    private static final Logger LOG = Logger.getLogger(SystemSubscriptions.class);

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookConfig config;

    public SystemSubscriptions(WebhookSubscriptionRepository subscriptions, WebhookConfig config) {
        this.subscriptions = subscriptions;
        this.config = config;
    }

    @Transactional
    public void sync() {
        Instant now = Instant.now();
        for (Map.Entry<String, WebhookConfig.SystemSubscription> entry : config.system().entrySet()) {
            String name = entry.getKey();
            WebhookConfig.SystemSubscription wanted = entry.getValue();
            validate(name, wanted);
            WebhookSubscription s = subscriptions.findBySystemName(name).orElseGet(() -> {
                WebhookSubscription created = new WebhookSubscription();
                created.systemName = name;
                created.createdAt = now;
                created.secret = wanted.secret();
                return created;
            });
            if (!wanted.secret().equals(s.secret)) {
                s.rotateSecret(wanted.secret(), now, config.secretGracePeriod());
            }
            s.url = wanted.url();
            s.events = List.copyOf(wanted.events());
            s.description = wanted.description().orElse("system subscription " + name);
            if (s.active != wanted.active() || s.id == null) {
                s.disabledReason = null;
            }
            s.active = wanted.active();
            s.updatedAt = now;
            if (s.id == null) {
                subscriptions.persist(s);
            }
            LOG.infof("System webhook subscription '%s' → %s %s", name, s.url, s.events);
        }
        for (WebhookSubscription s : subscriptions.systemOwned()) {
            if (!config.system().containsKey(s.systemName) && s.active) {
                s.active = false;
                s.disabledReason = "no longer in the configuration";
                s.updatedAt = now;
            }
        }
    }

    /** Configuration mistakes stop the start with a message naming the key, rather than failing every delivery. */
    private static void validate(String name, WebhookConfig.SystemSubscription s) {
        String prefix = "spaces.webhooks.system.\"" + name + "\".";
        try {
            WebhookTargetPolicy.parse(s.url());
        } catch (WebhookTargetPolicy.RefusedTarget e) {
            throw new IllegalStateException(prefix + "url: " + e.getMessage());
        }
        for (String event : s.events()) {
            if (!WebhookService.subscribable(event)) {
                throw new IllegalStateException(prefix + "events: unknown event type " + event);
            }
        }
        if (!WebhookService.validSecret(s.secret())) {
            throw new IllegalStateException(prefix + "secret: must be whsec_ followed by base64 of 24 to 64 bytes");
        }
    }
}
