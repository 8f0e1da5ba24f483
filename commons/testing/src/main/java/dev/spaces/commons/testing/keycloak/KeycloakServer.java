package dev.spaces.commons.testing.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real Keycloak for tests, run from the distribution the build unpacked (system property
 * {@value #HOME_PROPERTY}). Realms come from realm files imported at start; {@link #partialImport} adds more
 * (demo users, test clients) through the admin API. The JVM's shutdown also ends it, so no run leaves it behind.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String HOME_PROPERTY = "spaces.keycloak.home";
    /**
     * Keycloak's fixed hostname, as {@code ./spaces} runs it: the issuer of every token, whichever address the client
     * reached it by (the server listens on 127.0.0.1 only; {@link #baseUrl} is that address).
     */
    static final String HOSTNAME_URL_PREFIX = "http://localhost:";

    /** The first start of a fresh distribution also builds it (about a minute here); later starts are faster. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);
    private static final String ADMIN_USER = "bootstrap-admin";
    private static final System.Logger LOG = System.getLogger(KeycloakServer.class.getName());

    private final KeycloakProcess process;
    private final String baseUrl;
    private final String hostnameUrl;
    private final String adminPassword;
    private final Duration startupTime;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::stop, "keycloak-stop");

    private KeycloakServer(KeycloakProcess process, int port, String adminPassword, Duration startupTime) {
        this.process = process;
        this.baseUrl = "http://127.0.0.1:" + port;
        this.hostnameUrl = HOSTNAME_URL_PREFIX + port;
        this.adminPassword = adminPassword;
        this.startupTime = startupTime;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts Keycloak with these realm files, each named {@code <realm>-realm.json} as Keycloak's import requires. */
    public static KeycloakServer start(Path... realmFiles) {
        Path home = distribution();
        List<Path> realms = Arrays.asList(realmFiles);
        realms.forEach(KeycloakServer::checkRealmFile);
        int port = freePort();
        String adminPassword = UUID.randomUUID().toString();
        String baseUrl = "http://127.0.0.1:" + port;
        long began = System.nanoTime();
        KeycloakProcess process = KeycloakProcess.launch(home, realms, port, freePort(), ADMIN_USER, adminPassword);
        try {
            process.awaitReady(URI.create(baseUrl + "/realms/master/.well-known/openid-configuration"),
                    STARTUP_TIMEOUT);
        } catch (RuntimeException e) {
            process.stop();
            throw e;
        }
        Duration startupTime = Duration.ofNanos(System.nanoTime() - began);
        LOG.log(System.Logger.Level.INFO, "Keycloak ({0}) ready at {1} in {2} ms; log: {3}",
                home.getFileName(), baseUrl, startupTime.toMillis(), process.log());
        return new KeycloakServer(process, port, adminPassword, startupTime);
    }

    /** Where the server listens: {@code http://127.0.0.1:<port>}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The same server by its hostname, {@code http://localhost:<port>}: the base of every issuer. */
    public String hostnameUrl() {
        return hostnameUrl;
    }

    /** The realm's issuer, the same for every token whichever address it was fetched through. */
    public String issuer(String realm) {
        return hostnameUrl + "/realms/" + realm;
    }

    /** The JWKS at the listening address (services fetch keys there; the address does not matter for keys). */
    public String jwksUrl(String realm) {
        return realmUrl(baseUrl, realm) + "/protocol/openid-connect/certs";
    }

    public Duration startupTime() {
        return startupTime;
    }

    /** An access token for a user, through a client that allows direct access grants. */
    public String passwordGrant(String realm, String clientId, String username, String password) {
        return passwordGrantThrough(baseUrl, realm, clientId, username, password);
    }

    /** As {@link #passwordGrant}, asking Keycloak at another address of the same server (e.g. {@link #hostnameUrl}). */
    public String passwordGrantThrough(String address, String realm, String clientId, String username,
                                       String password) {
        return token(address, realm, Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", password));
    }

    /** An access token for a confidential client's service account. */
    public String clientCredentialsGrant(String realm, String clientId, String clientSecret) {
        return token(realm, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientSecret));
    }

    /** An access token of the bootstrap administrator (realm master), for the admin REST API. */
    public String adminToken() {
        return passwordGrant("master", "admin-cli", ADMIN_USER, adminPassword);
    }

    /** Adds clients, users, roles... to a running realm: a PartialImportRepresentation file, as the admin console takes. */
    public void partialImport(String realm, Path partialImportFile) {
        String body = read(partialImportFile);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + "/partialImport"))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        Http.expectStatus(Http.send(request), 200);
    }

    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            process.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // called by the hook itself: nothing left to unregister
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The token endpoint's access token for any grant (the browser flows use it for their code exchange). */
    String token(String realm, Map<String, String> grant) {
        return token(baseUrl, realm, grant);
    }

    private static String token(String address, String realm, Map<String, String> grant) {
        URI endpoint = URI.create(realmUrl(address, realm) + "/protocol/openid-connect/token");
        return Http.json(Http.send(Http.formPost(endpoint, grant).build()), 200).get("access_token").asText();
    }

    private static String realmUrl(String address, String realm) {
        return address + "/realms/" + realm;
    }

    private static Path distribution() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null || !Files.isRegularFile(Path.of(home, "bin", "kc.sh"))) {
            throw new IllegalStateException("System property " + HOME_PROPERTY + " must name an unpacked "
                    + "keycloak-quarkus-dist (the module's pom unpacks it into target/); it is " + home);
        }
        return Path.of(home);
    }

    private static void checkRealmFile(Path realmFile) {
        if (!Files.isRegularFile(realmFile) || !realmFile.getFileName().toString().endsWith("-realm.json")) {
            throw new IllegalArgumentException("Keycloak imports only existing <realm>-realm.json files: " + realmFile);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
