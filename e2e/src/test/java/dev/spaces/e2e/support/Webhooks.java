package dev.spaces.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Subscriptions registered by the admin through the gateway, and reading what a receiver got. */
public final class Webhooks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Webhooks() {
    }

    public record Subscription(long id, String secret) {
    }

    public static Subscription subscribe(Api api, String url, List<String> events, String description) {
        Response created = api.json(api.as("admin"), Map.of("url", url, "events", events, "description", description))
                .post("/api/v1/webhooks");
        if (created.statusCode() != 201) {
            throw new AssertionError("subscription refused: " + created.statusCode() + " " + created.asString());
        }
        return new Subscription(created.jsonPath().getLong("id"), created.jsonPath().getString("secret"));
    }

    public static void unsubscribe(Api api, Subscription subscription) {
        api.as("admin").delete("/api/v1/webhooks/{id}", subscription.id());
    }

    public static JsonNode body(WebhookReceiver.Delivery delivery) {
        try {
            return JSON.readTree(delivery.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The deliveries of one event type about one article. */
    public static List<WebhookReceiver.Delivery> about(WebhookReceiver receiver, String type, long articleId) {
        return receiver.deliveries().stream().filter(d -> {
            JsonNode body = body(d);
            return type.equals(body.path("type").asText()) && body.path("data").path("id").asLong() == articleId;
        }).toList();
    }

    /** Null when the delivery is authentic under the subscription's secret (reference verifier), else why not. */
    public static String verify(Subscription subscription, WebhookReceiver.Delivery delivery) {
        return new StandardWebhooksVerifier(subscription.secret()).problem(delivery.id(), delivery.timestamp(),
                delivery.signature(), delivery.body(), delivery.receivedAt());
    }
}
