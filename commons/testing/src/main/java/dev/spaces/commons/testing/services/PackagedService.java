package dev.spaces.commons.testing.services;

import dev.spaces.commons.postgres.LocalPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spaces service as the reactor packaged it ({@code <module>/target/quarkus-app/quarkus-run.jar}), run as its own
 * process on a free port with its own embedded PostgreSQL when it needs one, trusting the test token key. Tests of
 * one service use it to talk to the real neighbour rather than a stub.
 */
public final class PackagedService implements AutoCloseable {

    /** Where the services' test key pair lives, relative to the module under test. */
    private static final Path TEST_PUBLIC_KEY = Path.of("src/test/resources/test-jwt/publicKey.pem");

    private final Process process;
    private final LocalPostgres postgres;
    private final String baseUrl;
    private final Path log;

    private PackagedService(Process process, LocalPostgres postgres, String baseUrl, Path log) {
        this.process = process;
        this.postgres = postgres;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /**
     * Starts {@code module} (e.g. {@code content-service}) and returns once it is ready.
     *
     * @param portVariable the env variable the service reads its HTTP port from (e.g. {@code SPACES_CONTENT_PORT})
     * @param databaseUrlVariable the env variable for its JDBC URL, or null when it has no database
     * @param env further environment (its configuration)
     */
    public static PackagedService start(String module, String portVariable, String databaseUrlVariable,
                                        Map<String, String> env) {
        return start(module, portVariable, databaseUrlVariable, env, Map.of());
    }

    /** As {@link #start(String, String, String, Map)}, with JVM system properties (e.g. for map-valued config). */
    public static PackagedService start(String module, String portVariable, String databaseUrlVariable,
                                        Map<String, String> env, Map<String, String> systemProperties) {
        return start(module, 0, portVariable, databaseUrlVariable, env, systemProperties);
    }

    /**
     * As {@link #start(String, String, String, Map, Map)}, on a port the caller chose (0: any free one) — for
     * instances that must know each other's address before they start (e.g. gateway replicas as peers).
     */
    public static PackagedService start(String module, int port, String portVariable, String databaseUrlVariable,
                                        Map<String, String> env, Map<String, String> systemProperties) {
        Path jar = Path.of("..", module, "target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(module + " is not packaged: run the whole reactor (./mvnw verify) or "
                    + "./mvnw -pl " + module + " -am package first");
        }
        LocalPostgres postgres = null;
        Process process = null;
        try {
            Map<String, String> environment = new HashMap<>(env);
            if (databaseUrlVariable != null) {
                postgres = LocalPostgres.start(null, 0);
                String database = module.replace('-', '_') + "_it";
                postgres.ensureDatabases(List.of(database));
                environment.put(databaseUrlVariable, postgres.jdbcUrl(database));
            }
            int listenPort = port > 0 ? port : freePort();
            environment.put(portVariable, String.valueOf(listenPort));
            environment.putIfAbsent("SPACES_OIDC_JWKS_URL", TestJwks.url(TEST_PUBLIC_KEY.toAbsolutePath()));
            environment.putIfAbsent("SPACES_OIDC_ISSUER", "https://issuer.spaces.test");
            environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            Path log = Path.of("target", "real-" + module + (port > 0 ? "-" + listenPort : "") + ".log");
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m",
                    "-Dpolyglot.engine.WarnInterpreterOnly=false", "--enable-native-access=ALL-UNNAMED"));
            systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            process = builder.start();
            PackagedService service = new PackagedService(process, postgres, "http://127.0.0.1:" + listenPort, log);
            service.awaitReady();
            return service;
        } catch (IOException | SQLException | RuntimeException e) {
            stop(process, postgres);
            throw new IllegalStateException("Could not start " + module, e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        stop(process, postgres);
    }

    private static void stop(Process process, LocalPostgres postgres) {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
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

    private void awaitReady() throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited; see " + log.toAbsolutePath());
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
        throw new IllegalStateException("not ready within 3 minutes; see " + log.toAbsolutePath());
    }

    /** A port free right now; the tests that need one before a server binds it accept the tiny race. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
