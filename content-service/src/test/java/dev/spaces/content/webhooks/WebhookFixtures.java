package dev.spaces.content.webhooks;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.restassured.path.json.JsonPath;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.spaces.content.TestSupport.admin;
import static dev.spaces.content.TestSupport.article;
import static dev.spaces.content.TestSupport.author;

/** A WireMock receiver on loopback, a verifier written from the Standard Webhooks spec, and API shortcuts. */
final class WebhookFixtures {

    static final WireMockServer RECEIVER = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    private WebhookFixtures() {
    }

    static synchronized void startReceiver() {
        if (!RECEIVER.isRunning()) {
            RECEIVER.start();
        }
    }

    static String url(String path) {
        return "http://127.0.0.1:" + RECEIVER.port() + path;
    }

    /** A received delivery; {@code receivedAt} is when the receiver logged it. */
    record Received(String id, String timestamp, String signature, String body, int status,
                    java.time.Instant receivedAt) {
        JsonPath json() {
            return JsonPath.from(body);
        }
    }

    /** Requests that reached {@code path}, in order of arrival, with the status the receiver answered. */
    static List<Received> received(String path) {
        List<ServeEvent> events = new ArrayList<>(RECEIVER.getAllServeEvents());
        // WireMock lists by completion, newest first; a delayed answer completes late, so order by arrival (the sort
        // is stable: requests logged in the same millisecond keep their completion order)
        java.util.Collections.reverse(events);
        events.sort(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()));
        List<Received> result = new ArrayList<>();
        for (ServeEvent e : events) {
            if (e.getRequest().getUrl().equals(path)) {
                result.add(new Received(e.getRequest().getHeader("webhook-id"),
                        e.getRequest().getHeader("webhook-timestamp"), e.getRequest().getHeader("webhook-signature"),
                        e.getRequest().getBodyAsString(), e.getResponse().getStatus(),
                        e.getRequest().getLoggedDate().toInstant()));
            }
        }
        return result;
    }

    /**
     * Verification as the Standard Webhooks spec describes it, independent of the service's own code: HMAC-SHA256
     * with the base64-decoded key after "whsec_", over "id.timestamp.body", base64, compared against each
     * space-separated "v1,<sig>" in constant time.
     */
    static boolean signatureValid(String secret, Received r) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = Base64.getEncoder().encode(mac.doFinal(
                    (r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
            for (String candidate : r.signature().split(" ")) {
                int comma = candidate.indexOf(',');
                if (comma > 0 && candidate.substring(0, comma).equals("v1") && MessageDigest.isEqual(expected,
                        candidate.substring(comma + 1).getBytes(StandardCharsets.US_ASCII))) {
                    return true;
                }
            }
            return false;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a subscription; returns the 201 body (with the one-time secret). */
    static JsonPath subscribe(String path, String... events) {
        return admin().body(Map.of("url", url(path), "events", List.of(events), "description", "test " + path))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
    }

    static long publishArticle(String title) {
        long id = author().body(article(title, "正文。")).post("/api/v1/articles").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        author().post("/api/v1/articles/" + id + "/publish").then().statusCode(200);
        return id;
    }

    static List<Map<String, Object>> deliveries(long subscriptionId, String status) {
        return admin().get("/api/v1/webhooks/" + subscriptionId + "/deliveries?size=100"
                        + (status == null ? "" : "&status=" + status))
                .then().statusCode(200).extract().jsonPath().getList("items");
    }
}
