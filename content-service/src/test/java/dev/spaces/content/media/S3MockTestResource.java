package dev.spaces.content.media;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real S3-compatible server for the S3 storage tests: Adobe S3Mock (a Spring Boot application from Maven Central,
 * copied to target/s3mock by the build), run as a process of its own on a free loopback port with its files in a
 * temporary directory. Not an SDK mock: requests go over HTTP with signatures, XML answers and byte ranges.
 */
public class S3MockTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET = "spaces-media-test";
    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key";

    private static volatile URI endpoint;

    private Process process;
    private Path root;

    public static URI endpoint() {
        return endpoint;
    }

    @Override
    public Map<String, String> start() {
        String jar = System.getProperty("spaces.s3mock.jar", "target/s3mock/s3mock.jar");
        if (!new File(jar).isFile()) {
            throw new IllegalStateException("S3Mock is not at " + jar + " (the build copies it: maven-dependency-plugin)");
        }
        try {
            root = Files.createTempDirectory("s3mock-");
            int port = freePort();
            String java = ProcessHandle.current().info().command().orElse("java");
            process = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-jar", jar,
                    "--server.port=0", // its HTTPS connector, unused: any free port
                    "--server.address=127.0.0.1",
                    "--com.adobe.testing.s3mock.http-port=" + port,
                    "--com.adobe.testing.s3mock.store.root=" + root,
                    "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                    "--spring.main.banner-mode=off")
                    .redirectErrorStream(true)
                    .redirectOutput(new File("target/s3mock.log"))
                    .start();
            endpoint = URI.create("http://127.0.0.1:" + port);
            awaitUp(endpoint.resolve("/" + BUCKET), Duration.ofSeconds(90));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "spaces.media.storage", "s3",
                "spaces.media.s3.endpoint", endpoint.toString(),
                "spaces.media.s3.bucket", BUCKET,
                "spaces.media.s3.region", "us-east-1",
                "spaces.media.s3.path-style", "true",
                "spaces.media.s3.access-key-id", ACCESS_KEY,
                "spaces.media.s3.secret-access-key", SECRET_KEY);
    }

    private void awaitUp(URI bucket, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + ": see target/s3mock.log");
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) bucket.toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException("S3Mock did not answer within " + timeout + ": see target/s3mock.log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        if (root != null) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory: left for the system to clean
            }
            root = null;
        }
    }
}
