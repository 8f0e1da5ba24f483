package dev.spaces.comment.client;

import dev.spaces.commons.webhooks.StandardWebhooks;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * content-service's intake for events of trusted internal producers. Its own client (own pool, own timeouts and
 * metrics) at the same address as the article lookups ({@code quarkus.rest-client.content.url}).
 */
@RegisterRestClient(configKey = "content-events")
@Path("/api/v1/webhooks/events")
public interface InternalEventsClient {

    /** 204 when accepted or already accepted (deduplicated by webhook-id). The body is sent byte for byte as signed. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response deliver(@HeaderParam(StandardWebhooks.ID_HEADER) String webhookId,
                     @HeaderParam(StandardWebhooks.TIMESTAMP_HEADER) String timestamp,
                     @HeaderParam(StandardWebhooks.SIGNATURE_HEADER) String signature,
                     String body);
}
