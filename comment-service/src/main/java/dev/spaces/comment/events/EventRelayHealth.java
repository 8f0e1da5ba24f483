package dev.spaces.comment.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the event relay in {@code /q/health/ready} without ever making this service unready: comments are
 * still served and stored while content-service is away (events wait in the outbox), and a replica without the
 * secret is a configuration choice. Alert on {@code spaces_comment_events_pending} instead.
 */
@Readiness
@ApplicationScoped
public class EventRelayHealth implements HealthCheck {

    private final EventRelay relay;

    public EventRelayHealth(EventRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("comment-event-relay").up()
                .withData("relay", relay.state())
                .withData("pending", relay.pending())
                .withData("failuresInARow", relay.consecutiveFailures());
        if (relay.consecutiveFailures() > 0 && relay.lastError() != null) {
            response.withData("lastError", relay.lastError());
        }
        return response.build();
    }
}
