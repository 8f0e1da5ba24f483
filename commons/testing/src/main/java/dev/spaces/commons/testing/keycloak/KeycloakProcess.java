package dev.spaces.commons.testing.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** One {@code kc.sh start-dev} process tree: launched with its realm imports, awaited, and ended without orphans. */
final class KeycloakProcess {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;

    private KeycloakProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts Keycloak from an unpacked distribution. The database is in memory and {@code data/import} holds only
     * the given realm files, so every start begins from exactly those realms.
     */
    static KeycloakProcess launch(Path home, List<Path> realmFiles, int httpPort, int managementPort,
                                  String adminUser, String adminPassword) {
        Path data = home.resolve("data");
        replaceImports(data.resolve("import"), realmFiles);
        Path log = data.resolve("keycloak.log");
        ProcessBuilder builder = new ProcessBuilder(
                home.resolve("bin/kc.sh").toString(), "start-dev",
                "--import-realm",
                "--db=dev-mem",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                // a fixed hostname makes the issuer the same whichever address a client used: tokens fetched through
                // 127.0.0.1 carry the localhost issuer too, as with ./spaces (KeycloakServer.issuer)
                "--hostname=" + KeycloakServer.HOSTNAME_URL_PREFIX + httpPort)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // the caller's own Keycloak settings (KC_DB, KC_HOSTNAME, ...) must not leak into a test server
        builder.environment().keySet().removeIf(name -> name.startsWith("KC_"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        try {
            return new KeycloakProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + home.resolve("bin/kc.sh"), e);
        }
    }

    /** Waits until {@code probe} answers 200; Keycloak imports realms before it opens its HTTP port. */
    void awaitReady(URI probe, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ", see " + log);
            }
            if (answersOk(request)) {
                return;
            }
            pause();
        }
        throw new IllegalStateException("Keycloak not ready after " + timeout.toSeconds() + " s, see " + log);
    }

    /** Ends the JVM and the kc.sh wrapper around it: politely first, forcibly after a grace period. */
    void stop() {
        List<ProcessHandle> tree = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                handle.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    Path log() {
        return log;
    }

    private static void replaceImports(Path importDir, List<Path> realmFiles) {
        try {
            Files.createDirectories(importDir);
            try (Stream<Path> previous = Files.list(importDir)) {
                for (Path stale : previous.toList()) {
                    Files.delete(stale);
                }
            }
            for (Path realmFile : realmFiles) {
                Files.copy(realmFile, importDir.resolve(realmFile.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + importDir, e);
        }
    }

    private static boolean answersOk(HttpRequest request) {
        try {
            return Http.send(request).statusCode() == 200;
        } catch (UncheckedIOException notListeningYet) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
        }
    }
}
