package dev.spaces.content.webhook.rest;

import dev.spaces.content.article.events.ArticleEventPayload;
import dev.spaces.content.page.events.PageEventPayload;
import dev.spaces.content.site.events.SiteEventPayload;
import dev.spaces.content.webhook.PingPayload;
import dev.spaces.content.webhook.intake.CommentEventPayload;
import dev.spaces.content.webhook.intake.MemberEventPayload;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.PathItem;
import org.eclipse.microprofile.openapi.annotations.PathItemOperation;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;

/**
 * The webhook event catalogue in the OpenAPI document (its {@code webhooks} section): what each event's POST
 * carries. Payloads are versioned by {@code data.schemaVersion}; fields are only ever added within a version.
 */
@OpenAPIDefinition(info = @Info(title = "Spaces content API", version = "1.0"), webhooks = {
        @PathItem(name = "article.published", operations = @PathItemOperation(method = "post", summary = "article.published",
                description = "A published article (also a scheduled one when its time comes). " + WebhookDocs.HEADERS,
                requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                        schema = @Schema(implementation = WebhookDocs.ArticleEnvelope.class))),
                responses = @APIResponse(responseCode = "200", description = WebhookDocs.RESPONSES))),
        @PathItem(name = "article.updated", operations = @PathItemOperation(method = "post", summary = "article.updated",
                description = "A published article changed (content, taxonomy, or re-published). " + WebhookDocs.HEADERS,
                requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                        schema = @Schema(implementation = WebhookDocs.ArticleEnvelope.class))),
                responses = @APIResponse(responseCode = "200", description = WebhookDocs.RESPONSES))),
        @PathItem(name = "article.unpublished", operations = @PathItemOperation(method = "post", summary = "article.unpublished",
                description = "A published article went back to draft. " + WebhookDocs.HEADERS,
                requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                        schema = @Schema(implementation = WebhookDocs.ArticleEnvelope.class))),
                responses = @APIResponse(responseCode = "200", description = WebhookDocs.RESPONSES))),
        @PathItem(name = "article.deleted", operations = @PathItemOperation(method = "post", summary = "article.deleted",
                description = "An article was archived (it leaves the public site). " + WebhookDocs.HEADERS,
                requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                        schema = @Schema(implementation = WebhookDocs.ArticleEnvelope.class))),
                responses = @APIResponse(responseCode = "200", description = WebhookDocs.RESPONSES))),
        @PathItem(name = "page.published", operations = @PathItemOperation(method = "post", summary = "page.published",
                description = "A page became public (created published, or a draft published). " + WebhookDocs.HEADERS,
                requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                        schema = @Schema(implementation = WebhookDocs.PageEnvelope.class))),
                responses = @APIResponse(responseCode = "200", description = WebhookDocs.RESPONSES))),
        @PathItem(name = "page.updated", operations = @PathItemOperation(method = "post", summary = "page.updated",
                description = "A published page changed (its slug may have changed too). " + WebhookDocs.HEADERS,
                requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                        schema = @Schema(implementation = WebhookDocs.PageEnvelope.class))),
                responses = @APIResponse(responseCode = "200", description = WebhookDocs.RESPONSES))),
        @PathItem(name = "page.unpublished", operations = @PathItemOperation(method = "post", summary = "page.unpublished",
                description = "A published page went back to draft. " + WebhookDocs.HEADERS,
                requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                        schema = @Schema(implementation = WebhookDocs.PageEnvelope.class))),
                responses = @APIResponse(responseCode = "200", description = WebhookDocs.RESPONSES))),
        @PathItem(name = "page.deleted", operations = @PathItemOperation(method = "post", summary = "page.deleted",
                description = "A published page was deleted. " + WebhookDocs.HEADERS,
                requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                        schema = @Schema(implementation = WebhookDocs.PageEnvelope.class))),
                responses = @APIResponse(responseCode = "200", description = WebhookDocs.RESPONSES))),
        @PathItem(name = "site.updated", operations = @PathItemOperation(method = "post", summary = "site.updated",
                description = "The site settings changed (GET /api/v1/site). " + WebhookDocs.HEADERS,
                requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                        schema = @Schema(implementation = WebhookDocs.SiteEnvelope.class))),
                responses = @APIResponse(responseCode = "200", description = WebhookDocs.RESPONSES))),
        @PathItem(name = "comment.created", operations = @PathItemOperation(method = "post", summary = "comment.created",
                description = "A comment was written (status pending or approved). " + WebhookDocs.HEADERS,
                requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                        schema = @Schema(implementation = WebhookDocs.CommentEnvelope.class))),
                responses = @APIResponse(responseCode = "200", description = WebhookDocs.RESPONSES))),
        @PathItem(name = "comment.approved", operations = @PathItemOperation(method = "post", summary = "comment.approved",
                description = "A comment became visible. " + WebhookDocs.HEADERS,
                requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                        schema = @Schema(implementation = WebhookDocs.CommentEnvelope.class))),
                responses = @APIResponse(responseCode = "200", description = WebhookDocs.RESPONSES))),
        @PathItem(name = "comment.replied", operations = @PathItemOperation(method = "post", summary = "comment.replied",
                description = "An approved reply to another member's comment; parentAuthorMemberId is set. " + WebhookDocs.HEADERS,
                requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                        schema = @Schema(implementation = WebhookDocs.CommentEnvelope.class))),
                responses = @APIResponse(responseCode = "200", description = WebhookDocs.RESPONSES))),
        @PathItem(name = "comment.updated", operations = @PathItemOperation(method = "post", summary = "comment.updated",
                description = "A comment was edited by its author, or pinned or unpinned by a moderator (an edit that "
                        + "trips the spam checks holds it again: status pending). " + WebhookDocs.HEADERS,
                requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                        schema = @Schema(implementation = WebhookDocs.CommentEnvelope.class))),
                responses = @APIResponse(responseCode = "200", description = WebhookDocs.RESPONSES))),
        @PathItem(name = "comment.rejected", operations = @PathItemOperation(method = "post", summary = "comment.rejected",
                description = "A moderator rejected a comment or marked it as spam (status rejected or spam); an "
                        + "approved one leaves the public thread. " + WebhookDocs.HEADERS,
                requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                        schema = @Schema(implementation = WebhookDocs.CommentEnvelope.class))),
                responses = @APIResponse(responseCode = "200", description = WebhookDocs.RESPONSES))),
        @PathItem(name = "comment.deleted", operations = @PathItemOperation(method = "post", summary = "comment.deleted",
                description = "A comment was deleted. " + WebhookDocs.HEADERS,
                requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                        schema = @Schema(implementation = WebhookDocs.CommentEnvelope.class))),
                responses = @APIResponse(responseCode = "200", description = WebhookDocs.RESPONSES))),
        @PathItem(name = "member.created", operations = @PathItemOperation(method = "post", summary = "member.created",
                description = "A member profile was created. " + WebhookDocs.HEADERS,
                requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                        schema = @Schema(implementation = WebhookDocs.MemberEnvelope.class))),
                responses = @APIResponse(responseCode = "200", description = WebhookDocs.RESPONSES))),
        @PathItem(name = "webhook.ping", operations = @PathItemOperation(method = "post", summary = "webhook.ping",
                description = "Sent on request (POST /api/v1/webhooks/{id}/ping). " + WebhookDocs.HEADERS,
                requestBody = @RequestBody(required = true, content = @Content(mediaType = "application/json",
                        schema = @Schema(implementation = WebhookDocs.PingEnvelope.class))),
                responses = @APIResponse(responseCode = "200", description = WebhookDocs.RESPONSES)))
})
public class WebhookDocs extends Application {

    static final String HEADERS = "Standard Webhooks headers: webhook-id (stable across retries; deduplicate by it), "
            + "webhook-timestamp (Unix seconds of the attempt), webhook-signature (v1,<base64 HMAC-SHA256 of "
            + "id.timestamp.body under the base64 key after whsec_>; two space-separated signatures while a rotated "
            + "secret is in its 24 h grace period).";
    static final String RESPONSES = "Any 2xx acknowledges. Other answers and timeouts (10 s) are retried with "
            + "exponential backoff for about a day; 410 Gone disables the subscription; redirects are not followed.";

    @Schema(name = "ArticleEventEnvelope")
    record ArticleEnvelope(String type, Instant timestamp, ArticleEventPayload data) {
    }

    @Schema(name = "PageEventEnvelope")
    record PageEnvelope(String type, Instant timestamp, PageEventPayload data) {
    }

    @Schema(name = "SiteEventEnvelope")
    record SiteEnvelope(String type, Instant timestamp, SiteEventPayload data) {
    }

    @Schema(name = "CommentEventEnvelope")
    record CommentEnvelope(String type, Instant timestamp, CommentEventPayload data) {
    }

    @Schema(name = "MemberEventEnvelope")
    record MemberEnvelope(String type, Instant timestamp, MemberEventPayload data) {
    }

    @Schema(name = "PingEventEnvelope")
    record PingEnvelope(String type, Instant timestamp, PingPayload data) {
    }
}
