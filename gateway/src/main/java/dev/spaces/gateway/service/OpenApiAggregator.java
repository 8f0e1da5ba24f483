package dev.spaces.gateway.service;

import dev.spaces.gateway.client.UpstreamClients;
import dev.spaces.gateway.config.GatewayConfig;
import dev.spaces.gateway.domain.Upstream;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.openapi.api.SmallRyeOpenAPI;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches every upstream's OpenAPI document ({@code /q/openapi?format=json}) at start and then periodically, and
 * keeps the last good model of each; {@code MergedOpenApiFilter} merges them into the gateway's {@code /q/openapi}
 * on each request. An upstream that is down keeps its previous document.
 */
@ApplicationScoped
public class OpenApiAggregator {

    private static final Logger LOG = Logger.getLogger(OpenApiAggregator.class);
    /** Read by the OpenAPI filter, which SmallRye instantiates itself (not a CDI bean). */
    private static final Map<Upstream, OpenAPI> DOCUMENTS = new ConcurrentHashMap<>();

    private final UpstreamClients clients;
    private final GatewayConfig config;
    private final Vertx vertx;
    private final Config mpConfig;
    private long timer = -1;
    private long missingTimer = -1;

    public OpenApiAggregator(UpstreamClients clients, GatewayConfig config, Vertx vertx, Config mpConfig) {
        this.clients = clients;
        this.config = config;
        this.vertx = vertx;
        this.mpConfig = mpConfig;
    }

    void start(@Observes StartupEvent event) {
        refresh();
        timer = vertx.setPeriodic(config.openapi().refreshInterval().toMillis(), id -> refresh());
        // a service that was not up when the gateway started would otherwise be missing from the merged document
        // (and from every client generated from it) for a whole refresh interval
        missingTimer = vertx.setPeriodic(config.openapi().missingRetryInterval().toMillis(), id -> refreshMissing());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (missingTimer >= 0) {
            vertx.cancelTimer(missingTimer);
        }
    }

    public static Map<Upstream, OpenAPI> documents() {
        Map<Upstream, OpenAPI> copy = new EnumMap<>(Upstream.class);
        copy.putAll(DOCUMENTS);
        return copy;
    }

    /** Drops a service's document, as if the gateway had started while that service was down (tests). */
    public static void forget(Upstream upstream) {
        DOCUMENTS.remove(upstream);
    }

    /** Fetches all documents again; parsing runs on a worker thread. */
    public void refresh() {
        for (Upstream upstream : Upstream.values()) {
            if (upstream.documented()) {
                fetch(upstream);
            }
        }
    }

    /** Fetches the documents the gateway has never had. */
    void refreshMissing() {
        for (Upstream upstream : Upstream.values()) {
            if (upstream.documented() && !DOCUMENTS.containsKey(upstream)) {
                fetch(upstream);
            }
        }
    }

    private void fetch(Upstream upstream) {
        clients.probe(upstream, "/q/openapi?format=json", config.openapi().fetchTimeout())
                .compose(reply -> reply.status() == 200
                        ? vertx.executeBlocking(() -> parse(reply.body().getBytes()), false)
                        : io.vertx.core.Future.failedFuture("answered " + reply.status()))
                .onSuccess(model -> DOCUMENTS.put(upstream, model))
                .onFailure(error -> LOG.debugf("OpenAPI of %s not refreshed: %s", upstream.id(), error.getMessage()));
    }

    private OpenAPI parse(byte[] document) {
        OpenAPI model = SmallRyeOpenAPI.builder()
                .withConfig(mpConfig)
                .enableModelReader(false)
                .enableStandardStaticFiles(false)
                .enableAnnotationScan(false)
                .enableStandardFilter(false)
                .withCustomStaticFile(() -> new ByteArrayInputStream(document))
                .build()
                .model();
        // the gateway's own info and servers describe the merged API
        model.setInfo(null);
        model.setServers(null);
        return model;
    }

}
