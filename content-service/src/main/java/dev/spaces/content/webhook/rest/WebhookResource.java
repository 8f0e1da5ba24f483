package dev.spaces.content.webhook.rest;

import dev.spaces.commons.http.PageResponse;
import dev.spaces.commons.problem.Problem;
import dev.spaces.commons.webhooks.StandardWebhooks;
import dev.spaces.content.common.rest.Responses;
import dev.spaces.content.webhook.WebhookService;
import dev.spaces.content.webhook.api.DeliveryResponse;
import dev.spaces.content.webhook.api.EventTypeResponse;
import dev.spaces.content.webhook.api.SecretResponse;
import dev.spaces.content.webhook.api.WebhookPatch;
import dev.spaces.content.webhook.api.WebhookRequest;
import dev.spaces.content.webhook.api.WebhookResponse;
import dev.spaces.content.webhook.delivery.DeliveryStatus;
import dev.spaces.content.webhook.delivery.WebhookRelay;
import dev.spaces.content.webhook.intake.InboundEventService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Webhook subscriptions (admins) and the receiving end for events of trusted internal producers. Deliveries are
 * Standard Webhooks POSTs: body {@code {"type","timestamp","data"}}, headers webhook-id (stable across retries),
 * webhook-timestamp and webhook-signature ({@code v1,<base64 HMAC-SHA256 of id.timestamp.body>}, space-separated
 * when a rotated secret is still in its grace period).
 */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@RolesAllowed("admin")
@SecurityRequirement(name = "jwt")
public class WebhookResource {

    private final WebhookService webhooks;
    private final InboundEventService inbound;
    private final WebhookRelay relay;

    public WebhookResource(WebhookService webhooks, InboundEventService inbound, WebhookRelay relay) {
        this.webhooks = webhooks;
        this.inbound = inbound;
        this.relay = relay;
    }

    @GET
    @Operation(summary = "All subscriptions (secrets are never listed)")
    public List<WebhookResponse> list() {
        return webhooks.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a URL to event types", description = "The response carries the whsec_ signing "
            + "secret; it is shown this once. URLs must be http(s) and resolve to public addresses only.")
    @APIResponse(responseCode = "201", description = "Created; the secret is shown this once",
            content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
    @APIResponse(responseCode = "422", description = "Invalid URL (including refused targets) or unknown event type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<WebhookResponse> create(@NotNull @Valid WebhookRequest request) {
        WebhookResponse created = webhooks.create(request);
        return Responses.created("/api/v1/webhooks/" + created.id(), created);
    }

    @GET
    @Path("/event-types")
    @Operation(summary = "The event catalogue", description = "Payload schemas are in components/schemas and in the "
            + "webhooks section of this OpenAPI document.")
    public List<EventTypeResponse> eventTypes() {
        return webhooks.eventTypes();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One subscription")
    public WebhookResponse get(@PathParam("id") long id) {
        return webhooks.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change url, events, description or active", description = "Absent fields stay; "
            + "active=true re-enables a subscription disabled by a 410. System subscriptions are 409.")
    public WebhookResponse update(@PathParam("id") long id, @NotNull @Valid WebhookPatch patch) {
        WebhookResponse updated = webhooks.update(id, patch);
        relay.wakeDispatcher();
        return updated;
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a subscription and its delivery history")
    public void delete(@PathParam("id") long id) {
        webhooks.delete(id);
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(summary = "Replace the signing secret", description = "The new secret is shown once; for 24 hours "
            + "deliveries are signed with both (two space-separated v1 signatures).")
    public SecretResponse rotateSecret(@PathParam("id") long id) {
        return webhooks.rotateSecret(id);
    }

    @POST
    @Path("/{id}/ping")
    @Operation(summary = "Send a webhook.ping event to this subscription")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(schema = @Schema(implementation = DeliveryResponse.class)))
    public RestResponse<DeliveryResponse> ping(@PathParam("id") long id) {
        DeliveryResponse queued = webhooks.ping(id);
        relay.wakeDispatcher();
        return RestResponse.accepted(queued);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Deliveries, newest first", description = "status=pending|delivered|failed; Link header")
    public RestResponse<PageResponse<DeliveryResponse>> deliveries(@PathParam("id") long id,
                               @QueryParam("status") @Pattern(regexp = "pending|delivered|failed",
                                       message = "must be pending, delivered or failed") String status,
                               @QueryParam("page") @DefaultValue("1") @Min(1) int page,
                               @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
                               @Context UriInfo uri) {
        PageResponse<DeliveryResponse> result = webhooks.deliveries(id,
                status == null ? null : DeliveryStatus.valueOf(status.toUpperCase()), page, size);
        return Responses.page(result, uri);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Queue a delivered or failed delivery again (same webhook-id, fresh retry schedule)")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(schema = @Schema(implementation = DeliveryResponse.class)))
    public RestResponse<DeliveryResponse> redeliver(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId) {
        DeliveryResponse queued = webhooks.redeliver(id, deliveryId);
        relay.wakeDispatcher();
        return RestResponse.accepted(queued);
    }

    @POST
    @Path("/events")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive an event from a trusted internal producer", description = "A Standard Webhooks "
            + "delivery signed with SPACES_INTERNAL_EVENTS_SECRET; accepted once per webhook-id (a repeat is 204 too) "
            + "and relayed to subscribers. Types: comment.created, comment.approved, comment.replied, "
            + "comment.updated, comment.rejected, comment.deleted, member.created.")
    @APIResponse(responseCode = "204", description = "Accepted (or already accepted before)")
    @APIResponse(responseCode = "401", description = "Missing, stale or wrong signature",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void receive(@HeaderParam(StandardWebhooks.ID_HEADER) String webhookId,
                            @HeaderParam(StandardWebhooks.TIMESTAMP_HEADER) String timestamp,
                            @HeaderParam(StandardWebhooks.SIGNATURE_HEADER) String signature,
                            String body) {
        inbound.accept(webhookId, timestamp, signature, body == null ? "" : body);
    }
}
