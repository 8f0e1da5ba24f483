package dev.spaces.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Keycloak Operator imports the realm from a KeycloakRealmImport, which must embed the realm JSON; that
 * manifest is generated from commons/keycloak/spaces-realm.json (the production realm, no demo users) and must not
 * drift from it. {@code -Dspaces.k8s.regenerate=true} rewrites it.
 */
class RealmImportTest {

    private static final Path PROJECT = Path.of(System.getProperty("spaces.project.dir", "..")).toAbsolutePath().normalize();
    private static final Path REALM = PROJECT.resolve("commons/keycloak/spaces-realm.json");
    private static final Path IMPORT = PROJECT.resolve("k8s/base/keycloak/realm-import.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String HEADER = """
            # GENERATED from commons/keycloak/spaces-realm.json by RealmImportTest: do not edit by hand.
            # Reproduce with: ./mvnw -pl k8s verify -Dspaces.k8s.regenerate=true
            # The production realm only: the demo users and the spaces-cli client (spaces-demo.json) are never imported.
            """;

    @Test
    void realm_import_embeds_exactly_the_production_realm() throws Exception {
        JsonNode realm = JSON.readTree(REALM.toFile());
        if (Boolean.getBoolean("spaces.k8s.regenerate")) {
            Files.writeString(IMPORT, HEADER + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest(realm)) + "\n",
                    StandardCharsets.UTF_8);
        }
        JsonNode imported = Rendered.YAML.readTree(IMPORT.toFile());
        assertThat(Files.readString(IMPORT)).as("header").startsWith(HEADER);
        assertThat(imported.path("kind").asText()).isEqualTo("KeycloakRealmImport");
        assertThat(imported.path("spec").path("keycloakCRName").asText()).isEqualTo("spaces-keycloak");
        assertThat(imported.path("spec").path("realm"))
                .as("realm-import.yaml is stale: run ./mvnw -pl k8s verify -Dspaces.k8s.regenerate=true").isEqualTo(realm);
        // [comment import] the only users are service accounts: spaces-service's (comment-service matches and creates
        // imported members through the admin API with it)
        assertThat(realm.path("users").findValuesAsText("username")).as("no people in the production realm")
                .allMatch(name -> name.startsWith("service-account-"));
        assertThat(realm.path("users")).allSatisfy(user -> assertThat(user.path("serviceAccountClientId").asText())
                .isNotEmpty());
        assertThat(realm.path("clients").findValuesAsText("clientId")).doesNotContain("spaces-cli");
    }

    private static ObjectNode manifest(JsonNode realm) {
        ObjectNode m = JSON.createObjectNode();
        m.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        m.put("kind", "KeycloakRealmImport");
        ObjectNode metadata = m.putObject("metadata");
        metadata.put("name", "spaces-realm");
        metadata.putObject("labels").put("app.kubernetes.io/name", "spaces-keycloak").put("app.kubernetes.io/part-of", "spaces");
        ObjectNode spec = m.putObject("spec");
        spec.put("keycloakCRName", "spaces-keycloak");
        spec.set("realm", realm);
        return m;
    }
}
