package dev.spaces.search.rest;

import dev.spaces.search.service.ElasticsearchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while Elasticsearch does not answer a ping: searches would only get 503s. */
@Readiness
@ApplicationScoped
public class ElasticsearchReadiness implements HealthCheck {

    private final ElasticsearchStatus status;

    public ElasticsearchReadiness(ElasticsearchStatus status) {
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("elasticsearch").status(status.ping()).build();
    }
}
