package dev.spaces.gateway.rest;

import dev.spaces.commons.webhooks.StandardWebhooks;
import dev.spaces.gateway.client.PeerForwarder;
import dev.spaces.gateway.events.CachePurger;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Content events for the response cache, delivered by content-service as signed Standard Webhooks, or passed on
 * by another gateway replica (same signature, plus {@value PeerForwarder#RELAYED_HEADER}).
 */
@Path("/internal/events")
@Tag(name = "Gateway")
public class EventResource {

    private final CachePurger purger;

    public EventResource(CachePurger purger) {
        this.purger = purger;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a content event (Standard Webhooks)", description = "Envelope {type, timestamp, data}; "
            + "signed with the secret in SPACES_GATEWAY_WEBHOOK_SECRET. Article events purge the response cache of "
            + "every replica listed in spaces.gateway.cache.peers; a repeated webhook-id changes nothing.")
    public Response receive(@HeaderParam(StandardWebhooks.ID_HEADER) String id,
                            @HeaderParam(StandardWebhooks.TIMESTAMP_HEADER) String timestamp,
                            @HeaderParam(StandardWebhooks.SIGNATURE_HEADER) String signature,
                            @HeaderParam(PeerForwarder.RELAYED_HEADER) String relayedBy,
                            @Context HttpServerRequest request,
                            String body) {
        purger.accept(id, timestamp, signature, body, relayedBy, request.localAddress());
        return Response.noContent().build();
    }
}
