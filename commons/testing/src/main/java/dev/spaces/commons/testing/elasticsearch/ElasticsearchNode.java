package dev.spaces.commons.testing.elasticsearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static java.lang.System.Logger.Level.INFO;

/**
 * A real single-node Elasticsearch for tests, as a child process (no Docker): plugins installed, security off,
 * bound to loopback on free ports, data under {@code workDirectory}. {@link #close()} stops the whole process
 * tree, and so does this JVM's end, even a {@code kill -9}: the node runs under a small shell that stops it as
 * soon as its stdin, a pipe from this JVM, closes.
 * <pre>{@code
 * try (var node = ElasticsearchNode.start(ElasticsearchDistribution.fromSystemProperties(), Path.of("target/es"))) {
 *     client.get(node.httpUrl() + "/_cat/plugins");
 * }
 * }</pre>
 */
public final class ElasticsearchNode implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ElasticsearchNode.class.getName());
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /**
     * A heap enough for test indices and small enough for a 2-core CI machine running other test JVMs; C1 only,
     * since a test node lives for a minute: it then starts in 31-39 s instead of 51-54 s on a loaded 2-core box.
     */
    private static final String JVM_OPTIONS = "-Xms512m -Xmx512m -XX:TieredStopAtLevel=1";
    /**
     * Runs its arguments as the node, with /dev/null as stdin, and SIGTERMs it (Elasticsearch's launcher then
     * stops the server cleanly) when the pipe on fd 3 reaches end-of-file; exits with the node's status.
     */
    private static final String STOP_WHEN_STDIN_CLOSES = """
            exec 3<&0 0</dev/null
            "$@" 3<&- &
            node=$!
            { read -r _ <&3; kill "$node"; } 2>/dev/null &
            wait "$node"
            """;

    private final ElasticsearchDistribution distribution;
    private final NodeDirectory directory;
    private Process process;
    private boolean paused;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread stopOnExit = new Thread(this::stop, "elasticsearch-node-stop");
    private URI httpUrl;

    private ElasticsearchNode(ElasticsearchDistribution distribution, NodeDirectory directory) {
        this.distribution = distribution;
        this.directory = directory;
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Installs the plugins (once), starts the node and returns when the cluster is at least yellow. */
    public static ElasticsearchNode start(ElasticsearchDistribution distribution, Path workDirectory)
            throws IOException, InterruptedException {
        PluginInstaller.ensureInstalled(distribution, javaHomeEnvironment());
        ElasticsearchNode node = new ElasticsearchNode(distribution, NodeDirectory.prepare(workDirectory, distribution.home()));
        node.launch();
        return node;
    }

    /**
     * Kills the node's whole process tree at once (SIGKILL, no clean shutdown), the way a crash or an OOM kill
     * ends it; its data stays for {@link #restart()}.
     */
    public synchronized void kill() {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        tree.forEach(ElasticsearchNode::awaitExit);
        awaitExit(process.toHandle());
        paused = false;
    }

    /**
     * Freezes the node (SIGSTOP to its JVMs): it keeps its port and accepts connections, but answers nothing, the
     * way a node stuck in a long GC pause or on a dead disk behaves. {@link #resume()} lets it carry on.
     */
    public synchronized void pause() throws IOException, InterruptedException {
        signalJvms("STOP");
        paused = true;
    }

    /** Continues a {@link #pause() paused} node (SIGCONT). */
    public synchronized void resume() throws IOException, InterruptedException {
        signalJvms("CONT");
        paused = false;
    }

    private void signalJvms(String signal) throws IOException, InterruptedException {
        // the launcher and the server are both JVMs under our shell; the shell's own helpers are left alone
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        process.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .forEach(p -> command.add(Long.toString(p.pid())));
        if (command.size() == 2) {
            throw new IllegalStateException("No Elasticsearch JVM is running");
        }
        Commands.run(command.toArray(String[]::new));
    }

    /** Starts the stopped or killed node again on its data, at the same HTTP address. */
    public synchronized void restart() throws IOException, InterruptedException {
        if (process.isAlive()) {
            throw new IllegalStateException("Elasticsearch is still running");
        }
        directory.pinHttpPort(httpUrl.getPort());
        launch();
    }

    /** Whether the node's process is running (it may not be ready yet). */
    public boolean isAlive() {
        return process.isAlive();
    }

    private void launch() throws IOException, InterruptedException {
        long startedAt = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("sh", "-c", STOP_WHEN_STDIN_CLOSES, "elasticsearch-node"));
        command.addAll(NodeUser.commandLine(distribution.home().resolve("bin/elasticsearch"), directory.root()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.consoleLog().toFile()));
        builder.environment().putAll(javaHomeEnvironment());
        builder.environment().putAll(Map.of(
                "ES_PATH_CONF", directory.config().toString(),
                "ES_TMPDIR", directory.tmp().toString(),
                "ES_JAVA_OPTS", JVM_OPTIONS));
        process = builder.start();
        try {
            awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            stop();
            throw e;
        }
        LOG.log(INFO, "Elasticsearch ready at {0} in {1} ms (plugins {2})", httpUrl,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), distribution.pluginZips());
    }

    /** Base URL of the REST API, e.g. {@code http://127.0.0.1:41234}. */
    public String httpUrl() {
        return httpUrl.toString();
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing left to unregister
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Elasticsearch exited with code " + process.exitValue() + ":\n"
                        + directory.consoleTail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Elasticsearch not ready after " + STARTUP_TIMEOUT + ":\n"
                        + directory.consoleTail());
            }
            Optional<URI> url = directory.httpUrl();
            if (url.isPresent() && isAtLeastYellow(url.get())) {
                httpUrl = url.get();
                return;
            }
            Thread.sleep(250);
        }
    }

    private boolean isAtLeastYellow(URI url) throws InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(url.resolve("/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /** Closing stdin makes the shell stop the node; whatever is still alive after the timeout is killed. */
    private synchronized void stop() {
        if (process == null) {
            return;
        }
        if (paused) { // a stopped JVM would not act on the SIGTERM below
            try {
                resume();
            } catch (IOException | RuntimeException e) {
                LOG.log(INFO, "Could not resume the paused node before stopping it: {0}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<ProcessHandle> tree = process.descendants().toList();
        try {
            process.getOutputStream().close();
        } catch (IOException alreadyClosed) {
            // the shell is gone, which the checks below handle
        }
        if (!awaitExit(process.toHandle())) {
            process.destroyForcibly();
        }
        for (ProcessHandle leftover : tree) {
            leftover.destroy();
            if (!awaitExit(leftover)) {
                leftover.destroyForcibly();
            }
        }
    }

    private static boolean awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** ES_JAVA_HOME when set, else the JDK running the tests (21+, as the build requires). */
    private static Map<String, String> javaHomeEnvironment() {
        String configured = System.getenv("ES_JAVA_HOME");
        return Map.of("ES_JAVA_HOME", configured == null || configured.isBlank() ? System.getProperty("java.home") : configured);
    }
}
