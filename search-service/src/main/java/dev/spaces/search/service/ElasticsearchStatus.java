package dev.spaces.search.service;

import dev.spaces.search.config.ElasticsearchClients;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether Elasticsearch answers, as last seen by a ping or a failed request. The maintenance job polls it and
 * reconciles when it comes back, so that whatever events were refused meanwhile converge without redelivery.
 */
@ApplicationScoped
public class ElasticsearchStatus {

    private static final Logger LOG = Logger.getLogger(ElasticsearchStatus.class);

    private final ElasticsearchClients clients;
    private final AtomicBoolean up = new AtomicBoolean(true);

    public ElasticsearchStatus(ElasticsearchClients clients) {
        this.clients = clients;
    }

    /** Pings (short timeout); true when the node answered. Returns whether it just came back from being down. */
    public boolean checkRecovered() {
        boolean answered = ping();
        boolean wasUp = up.getAndSet(answered);
        if (wasUp != answered) {
            LOG.infof("Elasticsearch is %s", answered ? "back" : "down");
        }
        return answered && !wasUp;
    }

    public boolean ping() {
        try {
            // cluster health rather than ping: HEAD / answers 405 through this client and node
            return clients.searches().cluster().health().status() != co.elastic.clients.elasticsearch._types.HealthStatus.Red;
        } catch (Exception e) {
            LOG.debugf("Elasticsearch ping failed: %s", e);
            return false;
        }
    }

    public boolean isUp() {
        return up.get();
    }

    /** A request failed: mark down until a ping says otherwise (the recovery then triggers a reconcile). */
    public void failed(Throwable cause) {
        if (up.getAndSet(false)) {
            LOG.warnf("Elasticsearch request failed, marking it down: %s", cause.toString());
        }
    }
}
