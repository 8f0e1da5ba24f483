package dev.spaces.gateway.client;

import dev.spaces.gateway.config.GatewayConfig;
import dev.spaces.gateway.domain.Upstream;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Probes each upstream's readiness endpoint on a timer so the gateway's own readiness can report them cheaply. */
@ApplicationScoped
public class UpstreamHealth {

    private final UpstreamClients clients;
    private final GatewayConfig config;
    private final Vertx vertx;
    private final Map<Upstream, Status> statuses = new ConcurrentHashMap<>();
    private volatile Future<?> firstRound;
    private long timer = -1;

    public UpstreamHealth(UpstreamClients clients, GatewayConfig config, Vertx vertx) {
        this.clients = clients;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        firstRound = probeAll();
        timer = vertx.setPeriodic(config.readiness().probeInterval().toMillis(), id -> probeAll());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Latest status per upstream; waits briefly for the first round of probes right after start. */
    public Map<Upstream, Status> statuses() {
        Future<?> first = firstRound;
        if (first != null && !first.isComplete()) {
            try {
                first.toCompletionStage().toCompletableFuture()
                        .get(config.readiness().probeTimeout().toMillis() + 500, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // report what is known
            }
        }
        Map<Upstream, Status> copy = new EnumMap<>(Upstream.class);
        for (Upstream upstream : Upstream.values()) {
            copy.put(upstream, statuses.getOrDefault(upstream, new Status(false, "not probed yet")));
        }
        return copy;
    }

    private Future<?> probeAll() {
        Future<?>[] rounds = new Future<?>[Upstream.values().length];
        for (Upstream upstream : Upstream.values()) {
            rounds[upstream.ordinal()] = clients.probe(upstream, "/q/health/ready", config.readiness().probeTimeout())
                    .onSuccess(reply -> statuses.put(upstream, reply.status() == 200
                            ? new Status(true, "UP") : new Status(false, "answered " + reply.status())))
                    .onFailure(error -> statuses.put(upstream, new Status(false, UpstreamFailure.of(error).title())));
        }
        return Future.join(java.util.Arrays.asList(rounds));
    }

    public record Status(boolean up, String detail) {
    }
}
