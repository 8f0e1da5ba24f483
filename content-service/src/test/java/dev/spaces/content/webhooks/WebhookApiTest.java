package dev.spaces.content.webhooks;

import dev.spaces.content.webhook.WebhookEventType;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.spaces.content.TestSupport.admin;
import static dev.spaces.content.TestSupport.anonymous;
import static dev.spaces.content.TestSupport.as;
import static dev.spaces.content.TestSupport.author;
import static dev.spaces.content.TestSupport.editor;
import static dev.spaces.content.webhooks.WebhookFixtures.startReceiver;
import static dev.spaces.content.webhooks.WebhookFixtures.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The subscription API: admins only, the secret shown once, validation, SSRF refusals, system subscriptions. */
@QuarkusTest
class WebhookApiTest {

    private final List<Long> created = new ArrayList<>();

    @BeforeEach
    void receiver() {
        startReceiver();
    }

    @AfterEach
    void cleanUp() {
        created.forEach(id -> admin().delete("/api/v1/webhooks/" + id));
    }

    private long create(Map<String, Object> body) {
        long id = admin().body(body).post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getLong("id");
        created.add(id);
        return id;
    }

    @Test
    void onlyAdminsManageWebhooks() {
        Map<String, Object> body = Map.of("url", url("/api-admin"), "events", List.of("article.published"));
        anonymous().get("/api/v1/webhooks").then().statusCode(401).contentType("application/problem+json");
        anonymous().body(body).post("/api/v1/webhooks").then().statusCode(401);
        for (var who : List.of(author(), editor(), as("mod", "moderator"), as("alice", "member"))) {
            who.get("/api/v1/webhooks").then().statusCode(403).contentType("application/problem+json");
            who.body(body).post("/api/v1/webhooks").then().statusCode(403);
        }
        long id = create(body);
        for (var who : List.of(anonymous(), editor())) {
            who.get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(
                    org.hamcrest.Matchers.anyOf(equalTo(401), equalTo(403)));
            who.post("/api/v1/webhooks/" + id + "/rotate-secret").then().statusCode(
                    org.hamcrest.Matchers.anyOf(equalTo(401), equalTo(403)));
            who.post("/api/v1/webhooks/" + id + "/ping").then().statusCode(
                    org.hamcrest.Matchers.anyOf(equalTo(401), equalTo(403)));
            who.delete("/api/v1/webhooks/" + id).then().statusCode(
                    org.hamcrest.Matchers.anyOf(equalTo(401), equalTo(403)));
        }
        anonymous().delete("/api/v1/webhooks/" + id).then().statusCode(401);
        editor().delete("/api/v1/webhooks/" + id).then().statusCode(403);
        admin().get("/api/v1/webhooks/" + id).then().statusCode(200);
    }

    @Test
    void secretIsShownOnceAndCrudWorks() {
        JsonPath createdBody = admin().body(Map.of("url", url("/crud"), "events",
                        List.of("article.published", "comment.created", "article.published"), "description", "CDN purge"))
                .post("/api/v1/webhooks").then().statusCode(201)
                .header("Location", containsString("/api/v1/webhooks/"))
                .body("secret", startsWith("whsec_")).body("active", equalTo(true)).body("system", equalTo(false))
                .extract().jsonPath();
        long id = createdBody.getLong("id");
        created.add(id);
        assertThat(createdBody.getList("events")).containsExactly("article.published", "comment.created");
        assertThat(java.util.Base64.getDecoder().decode(createdBody.getString("secret").substring(6))).hasSize(32);

        admin().get("/api/v1/webhooks/" + id).then().statusCode(200).body("$", not(hasKey("secret")))
                .body("description", equalTo("CDN purge"));
        admin().get("/api/v1/webhooks").then().statusCode(200).body("id", hasItem((int) id))
                .body("find { it.id == " + id + " }", not(hasKey("secret")));

        admin().body(Map.of("events", List.of("article.updated"), "active", false)).patch("/api/v1/webhooks/" + id)
                .then().statusCode(200).body("events", equalTo(List.of("article.updated"))).body("active", equalTo(false))
                .body("url", equalTo(url("/crud"))).body("description", equalTo("CDN purge"))
                .body("$", not(hasKey("secret")));
        admin().body(Map.of("description", "")).patch("/api/v1/webhooks/" + id).then().statusCode(200)
                .body("$", not(hasKey("description")));

        JsonPath rotated = admin().post("/api/v1/webhooks/" + id + "/rotate-secret").then().statusCode(200)
                .extract().jsonPath();
        assertThat(rotated.getString("secret")).startsWith("whsec_").isNotEqualTo(createdBody.getString("secret"));
        admin().get("/api/v1/webhooks/" + id).then().body("previousSecretExpiresAt", org.hamcrest.Matchers.notNullValue());

        admin().get("/api/v1/webhooks/event-types").then().statusCode(200)
                .body("type", hasItem("member.created")).body("find { it.type == 'webhook.ping' }.subscribable", equalTo(false))
                .body("find { it.type == 'article.published' }.schema", equalTo("ArticleEventV1"));

        admin().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        admin().get("/api/v1/webhooks/" + id).then().statusCode(404).contentType("application/problem+json");
        created.remove(Long.valueOf(id));
    }

    @Test
    void badInputIsRefusedWithProblems() {
        String good = url("/bad");
        admin().body(Map.of("events", List.of("article.published"))).post("/api/v1/webhooks").then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("url"));
        admin().body(Map.of("url", good, "events", List.of())).post("/api/v1/webhooks").then().statusCode(422)
                .body("errors.field", hasItem("events"));
        admin().body(Map.of("url", good)).post("/api/v1/webhooks").then().statusCode(422);
        admin().body(Map.of("url", good, "events", List.of("article.exploded"))).post("/api/v1/webhooks").then()
                .statusCode(422).body("errors[0].field", equalTo("events"))
                .body("detail", containsString("article.exploded"));
        admin().body(Map.of("url", good, "events", List.of("webhook.ping"))).post("/api/v1/webhooks").then()
                .statusCode(422);
        admin().body(Map.of("url", "ftp://127.0.0.1/x", "events", List.of("article.published")))
                .post("/api/v1/webhooks").then().statusCode(422).body("errors[0].field", equalTo("url"));
        admin().body(Map.of("url", "http://x\u0000y/", "events", List.of("article.published")))
                .post("/api/v1/webhooks").then().statusCode(422);
        admin().body("{\"url\": ").post("/api/v1/webhooks").then().statusCode(400).contentType("application/problem+json");
        admin().body("{\"url\": \"" + good + "\", \"events\": \"article.published\"}").post("/api/v1/webhooks").then()
                .statusCode(400);

        long id = create(Map.of("url", good, "events", List.of("article.published")));
        admin().body(Map.of("events", List.of())).patch("/api/v1/webhooks/" + id).then().statusCode(422);
        admin().body(Map.of("url", "http://10.0.0.8/")).patch("/api/v1/webhooks/" + id).then().statusCode(422);
        admin().get("/api/v1/webhooks/" + id).then().body("url", equalTo(good)); // nothing stored
        admin().get("/api/v1/webhooks/" + id + "/deliveries?status=lost").then().statusCode(400)
                .contentType("application/problem+json");
        admin().get("/api/v1/webhooks/" + id + "/deliveries?size=101").then().statusCode(400);
        admin().post("/api/v1/webhooks/" + id + "/deliveries/999999999/redeliver").then().statusCode(404);
        admin().get("/api/v1/webhooks/999999999").then().statusCode(404);
        admin().body(Map.of("active", true)).patch("/api/v1/webhooks/999999999").then().statusCode(404);
        admin().post("/api/v1/webhooks/999999999/ping").then().statusCode(404);
        admin().get("/api/v1/webhooks/abc").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void privateAndSpecialTargetsAreRefused() {
        for (String target : List.of("http://10.0.0.1/hook", "http://172.20.1.1/", "http://192.168.0.10/",
                "http://169.254.169.254/latest/meta-data/", "http://[fd12::1]/", "http://[fe80::1]/", "http://0.0.0.0/",
                "http://224.0.0.251/", "http://100.100.100.200/", "http://[::ffff:192.168.1.1]/",
                "https://user:secret@127.0.0.1/", "http://no-such-host.invalid/")) {
            admin().body(Map.of("url", target, "events", List.of("article.published"))).post("/api/v1/webhooks")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("url"));
        }
        // loopback is allowed only because the test profile lists it in spaces.webhooks.allowed-private-networks
        create(Map.of("url", "http://127.0.0.1:9/loopback", "events", List.of("article.published")));
        create(Map.of("url", "http://[::1]:9/loopback", "events", List.of("article.published")));
    }

    @Test
    void systemSubscriptionsComeFromConfigurationAndAreReadOnly() {
        JsonPath list = admin().get("/api/v1/webhooks").then().statusCode(200).extract().jsonPath();
        Map<String, Object> system = list.getMap("find { it.system == true && it.url == 'http://127.0.0.1:9/system-hook' }");
        assertThat(system).containsEntry("events", List.of("member.created")).containsEntry("active", false)
                .doesNotContainKey("secret");
        int id = (Integer) system.get("id");
        admin().body(Map.of("active", true)).patch("/api/v1/webhooks/" + id).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("configuration"));
        admin().post("/api/v1/webhooks/" + id + "/rotate-secret").then().statusCode(409);
        admin().delete("/api/v1/webhooks/" + id).then().statusCode(409);
        admin().post("/api/v1/webhooks/" + id + "/ping").then().statusCode(409); // inactive
    }

    @Test
    void openApiDocumentsTheEventCatalogue() {
        String openapi = anonymous().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        JsonPath doc = JsonPath.from(openapi);
        // every type of the catalogue, so a new one cannot ship undocumented
        for (WebhookEventType type : WebhookEventType.values()) {
            assertThat(doc.getMap("webhooks")).as(type.wireName()).containsKey(type.wireName());
        }
        assertThat(doc.getMap("webhooks")).containsKeys("comment.updated", "comment.rejected");
        assertThat(doc.getMap("components.schemas")).containsKeys("ArticleEventV1", "CommentEventV1", "MemberEventV1",
                "PingEventV1", "ArticleEventEnvelope");
        assertThat(doc.getMap("components.schemas.ArticleEventV1.properties")).containsKeys("schemaVersion", "id",
                "version", "slug", "url");
        assertThat(doc.getMap("paths")).containsKeys("/api/v1/webhooks", "/api/v1/webhooks/events",
                "/api/v1/search-documents", "/api/v1/articles/{id}/search-document");
    }
}
