package dev.spaces.gateway.rest;

import dev.spaces.gateway.client.UpstreamClients;
import dev.spaces.gateway.client.UpstreamHealth;
import dev.spaces.gateway.config.GatewayConfig;
import dev.spaces.gateway.domain.Upstream;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.Map;

/**
 * Ready when every required upstream (config {@code spaces.gateway.readiness.required}, default content) answers its
 * own readiness probe; the others are reported but do not take the gateway out of rotation, since most pages still
 * work without search or comments.
 */
@Readiness
@ApplicationScoped
public class UpstreamReadiness implements HealthCheck {

    private final UpstreamHealth health;
    private final UpstreamClients clients;
    private final GatewayConfig config;

    public UpstreamReadiness(UpstreamHealth health, UpstreamClients clients, GatewayConfig config) {
        this.health = health;
        this.clients = clients;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams");
        boolean up = true;
        for (Map.Entry<Upstream, UpstreamHealth.Status> entry : health.statuses().entrySet()) {
            Upstream upstream = entry.getKey();
            boolean required = config.readiness().required().contains(upstream);
            builder.withData(upstream.id(), entry.getValue().detail() + ", circuit " + clients.state(upstream)
                    + (required ? "" : " (optional)"));
            up &= !required || entry.getValue().up();
        }
        return builder.status(up).build();
    }
}
