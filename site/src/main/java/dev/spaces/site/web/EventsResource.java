package dev.spaces.site.web;

import dev.spaces.site.events.PurgeEvents;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /internal/events}: content-service's signed deliveries (not reachable through the gateway). */
@Path("/internal/events")
public class EventsResource {

    private final PurgeEvents events;

    public EventsResource(PurgeEvents events) {
        this.events = events;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@HeaderParam("webhook-id") String id, @HeaderParam("webhook-timestamp") String timestamp,
                            @HeaderParam("webhook-signature") String signature, String body) {
        events.accept(id, timestamp, signature, body);
        return Response.noContent().build();
    }
}
