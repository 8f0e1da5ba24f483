package dev.spaces.commons.testing.keycloak;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real Keycloak with the checked-in realm {@value #REALM} and its demo data, for services that verify bearer
 * tokens with quarkus-oidc: points the default tenant at the realm's JWKS, issuer and the {@value #AUDIENCE}
 * audience. Tests get the server through an {@link InjectKeycloak} field.
 *
 * <p>Init arg {@value #PARTIAL_IMPORTS}: comma-separated class-path resources, partial imports applied to the realm
 * after the demo data (test-only clients, for instance).
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String REALM = "spaces";
    public static final String AUDIENCE = "spaces-api";
    /** The directory with the checked-in realm files: commons/keycloak. */
    public static final String REALM_DIR_PROPERTY = "spaces.keycloak.realm-dir";
    private static final String REALM_FILE = "spaces-realm.json";
    /** Partial import: the spaces-cli client and the demo users. */
    private static final String DEMO_FILE = "spaces-demo.json";
    public static final String PARTIAL_IMPORTS = "partial-imports";

    private List<String> extraImports = List.of();
    private KeycloakServer server;

    @Override
    public void init(Map<String, String> initArgs) {
        String imports = initArgs.getOrDefault(PARTIAL_IMPORTS, "");
        extraImports = Arrays.stream(imports.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
    }

    @Override
    public Map<String, String> start() {
        Path realmDir = realmDir();
        server = KeycloakServer.start(realmDir.resolve(REALM_FILE));
        try {
            server.partialImport(REALM, realmDir.resolve(DEMO_FILE));
            extraImports.forEach(resource -> server.partialImport(REALM, classPathFile(resource)));
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        // the default OIDC tenant as in production (issuer and JWKS of the realm), instead of the test key
        return Map.of(
                "quarkus.oidc.public-key", "",
                "quarkus.oidc.auth-server-url", server.issuer(REALM),
                "quarkus.oidc.jwks-path", server.jwksUrl(REALM),
                "quarkus.oidc.token.issuer", server.issuer(REALM),
                "quarkus.oidc.token.audience", AUDIENCE);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectKeycloak.class, KeycloakServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static Path realmDir() {
        String dir = System.getProperty(REALM_DIR_PROPERTY);
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            throw new IllegalStateException("System property " + REALM_DIR_PROPERTY
                    + " must name the directory of the realm files (commons/keycloak); it is " + dir);
        }
        return Path.of(dir);
    }

    private static Path classPathFile(String resource) {
        URL url = Thread.currentThread().getContextClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException("No class-path resource " + resource);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url.toString(), e);
        }
    }
}
