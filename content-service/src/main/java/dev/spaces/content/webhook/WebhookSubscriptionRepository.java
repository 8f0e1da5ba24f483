package dev.spaces.content.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepository<WebhookSubscription> {

    public List<WebhookSubscription> all() {
        return listAll(Sort.by("id"));
    }

    public Optional<WebhookSubscription> findBySystemName(String name) {
        return find("systemName", name).firstResultOptional();
    }

    public List<WebhookSubscription> systemOwned() {
        return list("systemName is not null");
    }
}
