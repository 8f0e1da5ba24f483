package dev.spaces.comment.integration;

import dev.spaces.commons.postgres.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The real content-service, as packaged by the reactor before this module, on its own embedded PostgreSQL and
 * trusting the test token key. Started after (and so overriding) the stub's address.
 */
public class RealContentService implements QuarkusTestResourceLifecycleManager {

    private static final Path JAR = Path.of("../content-service/target/quarkus-app/quarkus-run.jar");
    static String baseUrl;

    private LocalPostgres postgres;
    private Process process;

    @Override
    public Map<String, String> start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("content-service is not packaged: run the whole reactor ("
                    + "./mvnw verify) or ./mvnw -pl content-service -am package first");
        }
        try {
            postgres = LocalPostgres.start(null, 0);
            postgres.ensureDatabases(List.of("content_it"));
            int port = freePort();
            Path log = Path.of("target/real-content-service.log");
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m",
                    "-Dpolyglot.engine.WarnInterpreterOnly=false", "--enable-native-access=ALL-UNNAMED",
                    "-jar", JAR.toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("SPACES_CONTENT_DB_URL", postgres.jdbcUrl("content_it"));
            env.put("SPACES_CONTENT_PORT", String.valueOf(port));
            env.put("SPACES_OIDC_JWKS_URL", Path.of("src/test/resources/test-jwt/publicKey.pem").toAbsolutePath().toUri().toString());
            env.put("SPACES_OIDC_ISSUER", "https://issuer.spaces.test");
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            process = builder.start();
            baseUrl = "http://127.0.0.1:" + port;
            awaitReady(log);
            return Map.of("quarkus.rest-client.content.url", baseUrl);
        } catch (IOException | java.sql.SQLException e) {
            stop();
            throw new IllegalStateException("Could not start content-service", e);
        }
    }

    /** Later than the stub, so this address wins. */
    @Override
    public int order() {
        return 100;
    }

    @Override
    public void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the embedded server's directory is temporary anyway
            }
        }
    }

    private void awaitReady(Path log) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("content-service exited; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("content-service not ready within 3 minutes; see " + log.toAbsolutePath());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
