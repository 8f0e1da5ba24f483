package dev.spaces.commons.testing.elasticsearch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything one node writes, in one directory under {@code target/}, emptied on every start so each run begins
 * with no indices: {@code config/} (a copy of the distribution's, with our {@code elasticsearch.yml}),
 * {@code data/}, {@code logs/}, {@code tmp/} and {@code console.log}. The distribution itself stays read-only.
 */
final class NodeDirectory {

    private final Path root;
    /** 0 for any free port; the previous port when a node restarts on its old data, so clients keep their URL. */
    private int httpPort;

    private NodeDirectory(Path root) {
        this.root = root;
    }

    static NodeDirectory prepare(Path root, Path home) throws IOException {
        NodeDirectory directory = new NodeDirectory(root.toAbsolutePath());
        Directories.deleteRecursively(directory.root);
        Directories.copyRecursively(home.resolve("config"), directory.config());
        Files.createDirectories(directory.data());
        Files.createDirectories(directory.logs());
        Files.createDirectories(directory.tmp());
        Files.write(directory.config().resolve("elasticsearch.yml"), directory.settings());
        return directory;
    }

    /** Keeps data and logs for a restart of the same node, now bound to the HTTP port it had. */
    void pinHttpPort(int port) throws IOException {
        httpPort = port;
        Files.deleteIfExists(logs().resolve("http.ports"));
        Files.deleteIfExists(logs().resolve("transport.ports"));
        Files.write(config().resolve("elasticsearch.yml"), settings());
    }

    private List<String> settings() {
        return List.of(
                "cluster.name: spaces-test",
                "node.name: spaces-test",
                "path.data: " + quoted(data()),
                "path.logs: " + quoted(logs()),
                "discovery.type: single-node",
                "xpack.security.enabled: false",
                "network.host: 127.0.0.1",
                // any free ports, announced in logs/http.ports: no race with other processes picking ports
                "http.port: " + httpPort,
                "transport.port: 0",
                "node.portsfile: true",
                // a nearly full CI disk must not turn indices read-only under the tests
                "cluster.routing.allocation.disk.threshold_enabled: false");
    }

    Path root() {
        return root;
    }

    Path config() {
        return root.resolve("config");
    }

    Path tmp() {
        return root.resolve("tmp");
    }

    Path consoleLog() {
        return root.resolve("console.log");
    }

    /** The HTTP address once the node has bound it. */
    Optional<URI> httpUrl() throws IOException {
        Path ports = logs().resolve("http.ports");
        if (!Files.exists(ports)) {
            return Optional.empty();
        }
        return Files.readAllLines(ports).stream().findFirst().map(address -> URI.create("http://" + address.strip()));
    }

    /** The last lines the node printed, for failure messages. */
    String consoleTail() throws IOException {
        if (!Files.exists(consoleLog())) {
            return "";
        }
        List<String> lines = Files.readAllLines(consoleLog());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private Path data() {
        return root.resolve("data");
    }

    private Path logs() {
        return root.resolve("logs");
    }

    private static String quoted(Path path) {
        return '"' + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
