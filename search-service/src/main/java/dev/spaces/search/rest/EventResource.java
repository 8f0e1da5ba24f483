package dev.spaces.search.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.webhooks.StandardWebhooks;
import dev.spaces.commons.webhooks.WebhookVerificationException;
import dev.spaces.search.config.SearchConfig;
import dev.spaces.search.events.ContentEvent;
import dev.spaces.search.events.ContentEventHandler;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;

/** Content events as Standard Webhooks: verified on the raw body, then applied; 2xx only once indexed. */
@Path("/api/v1/search/events")
public class EventResource {

    private final ContentEventHandler handler;
    private final List<String> secrets;
    private final ObjectMapper json;

    public EventResource(ContentEventHandler handler, SearchConfig config, ObjectMapper json) {
        this.handler = handler;
        this.secrets = config.webhookSecrets().orElse(List.of()).stream().filter(s -> !s.isBlank()).toList();
        this.json = json;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@HeaderParam(StandardWebhooks.ID_HEADER) String id,
                            @HeaderParam(StandardWebhooks.TIMESTAMP_HEADER) String timestamp,
                            @HeaderParam(StandardWebhooks.SIGNATURE_HEADER) String signature,
                            String body) {
        if (secrets.isEmpty()) {
            throw new ProblemException(503, "webhooks-not-configured", "Webhooks not configured",
                    "No webhook secret is configured (SPACES_SEARCH_WEBHOOK_SECRET)");
        }
        try {
            StandardWebhooks.verify(secrets, id, timestamp, signature, body == null ? "" : body, Instant.now(),
                    StandardWebhooks.DEFAULT_TOLERANCE);
        } catch (WebhookVerificationException e) {
            throw new ProblemException(401, "invalid-signature", "Invalid webhook signature", e.getMessage());
        }
        ContentEvent event;
        try {
            event = json.readValue(body, ContentEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ProblemException.badRequest("The body is not a JSON event envelope");
        }
        handler.handle(event);
        return Response.noContent().build();
    }
}
