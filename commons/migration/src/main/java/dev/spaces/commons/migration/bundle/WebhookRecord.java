package dev.spaces.commons.migration.bundle;

import java.time.Instant;
import java.util.List;

/**
 * [mig-export] A webhook subscription, <em>without its secret</em>: an export is a file that travels (e-mail, backup
 * disks), and whoever holds a subscription's secret can forge deliveries its receiver trusts. Subscriptions that the
 * deployment's configuration owns are not exported: the configuration creates them.
 *
 * @param id     the subscription's number on the source (its deliveries' URLs name it)
 * @param events the event type names it receives
 */
public record WebhookRecord(long id, String url, List<String> events, String description, boolean active,
                            String disabledReason, Instant createdAt, Instant updatedAt) implements BundleRecord {

    public WebhookRecord {
        events = events == null ? List.of() : List.copyOf(events);
    }

    @Override
    public String kind() {
        return "webhook";
    }
}
