package dev.spaces.comment.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.testing.keycloak.InjectKeycloak;
import dev.spaces.commons.testing.keycloak.KeycloakServer;
import dev.spaces.commons.testing.keycloak.KeycloakTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.spaces.comment.ContentServiceStub.ARTICLE;
import static dev.spaces.commons.testing.keycloak.KeycloakTestResource.REALM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imported members against the real realm (commons/keycloak/spaces-realm.json, spaces-service's service account):
 * a source user with a demo user's e-mail is matched with that user; an unknown one is created in Keycloak without a
 * password; a dry run creates nobody. Their comments point at the members whose subject is the Keycloak id.
 */
@QuarkusTest
@TestProfile(RealKeycloakMemberImportTest.RealKeycloak.class)
class RealKeycloakMemberImportTest {

    /** The realm's Keycloak, with comment-service's admin API client pointed at it. */
    public static class KeycloakWithAdminApi extends KeycloakTestResource {
        @Override
        public Map<String, String> start() {
            Map<String, String> properties = new HashMap<>(super.start());
            String issuer = properties.get("quarkus.oidc.token.issuer");
            properties.put("quarkus.rest-client.keycloak-admin.url", issuer.substring(0, issuer.indexOf("/realms/")));
            return properties;
        }
    }

    public static class RealKeycloak implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KeycloakWithAdminApi.class));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectKeycloak
    KeycloakServer keycloak;
    @Inject
    AgroalDataSource db;

    @Test
    void sourceUsersAreMatchedByEmailOrCreatedWithoutAPasswordAndADryRunCreatesNobody() throws Exception {
        long base = 30_000_000 + (System.nanoTime() % 1000) * 1000;
        String newcomer = "reader" + base;
        String bundle = String.join("\n",
                "{\"kind\":\"member\",\"key\":\"user:1\",\"username\":\"alice-on-the-old-blog\",\"displayName\":\"爱丽丝\","
                        + "\"email\":\"alice@spaces.test\",\"url\":null,\"role\":\"MEMBER\",\"registeredAt\":\"2012-05-01T00:00:00Z\"}",
                "{\"kind\":\"member\",\"key\":\"user:2\",\"username\":\"" + newcomer + "\",\"displayName\":\"新读者\","
                        + "\"email\":\"" + newcomer + "@example.org\",\"url\":\"https://new.example.org/\",\"role\":\"EDITOR\","
                        + "\"registeredAt\":\"2013-06-01T00:00:00Z\"}",
                comment(base + 1, null, "user:1", "爱丽丝的旧评论"),
                comment(base + 2, base + 1, "user:2", "新读者的回复"));

        // a dry run: the report says who would be created, Keycloak gets no user
        JsonPath dry = importing(bundle, "kc-" + base, true).extract().jsonPath();
        assertThat(dry.getLong("counts.members.created")).isEqualTo(1);
        assertThat(dry.getLong("counts.members.unchanged")).isEqualTo(1);
        assertThat(users("email", newcomer + "@example.org")).isEmpty();

        JsonPath report = importing(bundle, "kc-" + base, false).extract().jsonPath();
        assertThat(report.getLong("counts.members.created")).isEqualTo(1);
        assertThat(report.getLong("counts.comments.created")).isEqualTo(2);
        assertThat(report.getList("items.reason", String.class))
                .anyMatch(r -> r.contains("alice") && r.contains("by e-mail"))
                .anyMatch(r -> r.contains("was editor on the source"));

        JsonNode alice = users("email", "alice@spaces.test").get(0);
        List<JsonNode> created = users("email", newcomer + "@example.org");
        assertThat(created).hasSize(1);
        assertThat(created.get(0).path("username").asText()).isEqualTo(newcomer);
        assertThat(created.get(0).path("enabled").asBoolean()).isTrue();
        assertThat(created.get(0).path("requiredActions").toString()).contains("UPDATE_PASSWORD");
        assertThat(credentials(created.get(0).path("id").asText())).as("no password").isEmpty();

        assertThat(authorSubject(base + 1)).isEqualTo(alice.path("id").asText());
        assertThat(authorSubject(base + 2)).isEqualTo(created.get(0).path("id").asText());
        // the public thread shows the members' names, the reply under its parent
        JsonPath thread = RestAssured.get("/api/v1/articles/" + ARTICLE + "/comments?sort=oldest&limit=100").then()
                .statusCode(200).extract().jsonPath();
        String first = "items.find { it.id == " + (base + 1) + " }";
        assertThat(thread.getString(first + ".replies[0].author.displayName")).isEqualTo("新读者");
        assertThat(thread.getLong(first + ".replies[0].id")).isEqualTo(base + 2);

        // again: nobody new in Keycloak, nothing changed
        JsonPath again = importing(bundle, "kc-" + base, false).extract().jsonPath();
        assertThat(again.getLong("counts.members.unchanged")).isEqualTo(2);
        assertThat(again.getLong("counts.comments.unchanged")).isEqualTo(2);
        assertThat(users("email", newcomer + "@example.org")).hasSize(1);
    }

    private static String comment(long id, Long parent, String member, String body) {
        return "{\"kind\":\"comment\",\"id\":" + id + ",\"articleId\":" + ARTICLE + ",\"parentId\":" + parent
                + ",\"createdAt\":\"2014-01-01T00:00:00Z\",\"memberKey\":\"" + member + "\",\"type\":\"COMMENT\","
                + "\"status\":\"APPROVED\",\"body\":\"" + body + "\",\"format\":\"MARKDOWN\"}";
    }

    private io.restassured.response.ValidatableResponse importing(String bundle, String source, boolean dryRun) {
        return RestAssured.given().auth().oauth2(keycloak.passwordGrant(REALM, "spaces-cli", "admin", "admin"))
                .contentType("application/x-ndjson").body(bundle.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/comments/import?sourceKey=" + source + "&dryRun=" + dryRun).then().statusCode(200);
    }

    private List<JsonNode> users(String field, String value) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/" + REALM
                        + "/users?exact=true&briefRepresentation=false&" + field + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + keycloak.adminToken()).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> users = new java.util.ArrayList<>();
        JSON.readTree(response.body()).forEach(users::add);
        return users;
    }

    private List<JsonNode> credentials(String userId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/" + REALM
                        + "/users/" + userId + "/credentials"))
                .header("Authorization", "Bearer " + keycloak.adminToken()).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> found = new java.util.ArrayList<>();
        JSON.readTree(response.body()).forEach(found::add);
        return found;
    }

    private String authorSubject(long commentId) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT m.subject FROM comment c JOIN member m ON m.id = c.member_id WHERE c.id = ?")) {
            ps.setLong(1, commentId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
