package dev.spaces.e2e.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The platform as the launcher runs it: {@code ./spaces} with its own state directory ({@code SPACES_HOME}) and
 * ports, so a developer's running stack and data are never touched. Every call goes through the launcher, the way
 * a user drives it.
 */
public final class Stack {

    /** Launcher commands get this long; the first {@code up} fetches and starts everything on 2 shared cores. */
    private static final Duration UP_LIMIT = Duration.ofMinutes(25);
    private static final Duration COMMAND_LIMIT = Duration.ofMinutes(6);

    private final Path root;
    private final Path home;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final int gatewayPort;
    private final int keycloakPort;
    private final int contentPort;
    /** The launcher command running now, so that an interrupted run can stop it before {@code down}. */
    private volatile Process current;

    private Stack(Path root, Path home, int portBase) {
        this.root = root;
        this.home = home;
        this.gatewayPort = portBase + 80;
        this.keycloakPort = portBase + 180;
        this.contentPort = portBase + 81;
        env.put("SPACES_HOME", home.toString());
        env.put("SPACES_GATEWAY_PORT", String.valueOf(gatewayPort));
        env.put("SPACES_CONTENT_PORT", String.valueOf(contentPort));
        env.put("SPACES_COMMENT_PORT", String.valueOf(portBase + 82));
        env.put("SPACES_SEARCH_PORT", String.valueOf(portBase + 83));
        env.put("SPACES_SITE_PORT", String.valueOf(portBase + 84));
        env.put("SPACES_KEYCLOAK_PORT", String.valueOf(keycloakPort));
        env.put("SPACES_KEYCLOAK_MANAGEMENT_PORT", String.valueOf(portBase + 190));
        env.put("SPACES_PG_PORT", String.valueOf(portBase + 432));
        env.put("SPACES_ES_PORT", String.valueOf(portBase + 200));
        env.put("SPACES_ES_TRANSPORT_PORT", String.valueOf(portBase + 300));
        // mail: the launcher's SMTP server (GreenMail), its IMAP and the REST API that shows what it caught
        env.put("SPACES_SMTP_PORT", String.valueOf(portBase + 25));
        env.put("SPACES_SMTP_IMAP_PORT", String.valueOf(portBase + 143));
        env.put("SPACES_SMTP_API_PORT", String.valueOf(portBase + 86));
        // the reactor packaged the services right before this module: the launcher must not build again
        env.put("SPACES_NO_BUILD", "1");
        // the launcher starts the JDK that runs this suite
        env.put("JAVA_HOME", System.getProperty("java.home"));
        // webhook retries start at 5 s, then 30 s, 2 min…: the receiver-outage scenario would wait minutes. The
        // schedule is configuration (spaces.webhooks.retry-schedule), so the e2e stack retries sooner.
        env.put("SPACES_WEBHOOKS_RETRY_SCHEDULE", "1s,2s,3s,5s,8s,13s,30s,1m,5m");
        env.put("SPACES_WEBHOOKS_RETRY_JITTER", "0.1");
    }

    /** Offsets from the port base of every port the stack opens (see the constructor). */
    private static final List<Integer> PORT_OFFSETS = List.of(25, 80, 81, 82, 83, 84, 86, 143, 180, 190, 200, 300, 432);

    public static Stack fromSystemProperties() {
        Path root = Path.of(System.getProperty("spaces.root", "..")).toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("e2e.home", root.resolve("e2e/target/spaces-home").toString()))
                .toAbsolutePath().normalize();
        String base = System.getProperty("e2e.port-base", "auto");
        return new Stack(root, home, base.equals("auto") ? freePortBase() : Integer.parseInt(base));
    }

    /**
     * The first base (28000, 28500, … below the ephemeral range) whose ports are all free, so that two builds on
     * one machine (or a developer's stack) do not collide. The ports are not held: a process that takes one in
     * between makes {@code ./spaces up} stop with a clear message.
     */
    /**
     * A second stack beside this one (the restore test's target): the same build, its own state directory and the
     * next free port range (this stack's ports are taken, so it never gets them).
     */
    public Stack beside(Path otherHome) {
        return new Stack(root, otherHome.toAbsolutePath().normalize(), freePortBase());
    }

    private static int freePortBase() {
        for (int base = 28000; base <= 32000; base += 500) {
            final int b = base;
            if (PORT_OFFSETS.stream().allMatch(offset -> free(b + offset))) {
                return base;
            }
        }
        throw new IllegalStateException("no free port range for the e2e stack between 28000 and 32500");
    }

    private static boolean free(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public Path root() {
        return root;
    }

    public Path home() {
        return home;
    }

    public String gatewayUrl() {
        return "http://localhost:" + gatewayPort;
    }

    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    public int gatewayPort() {
        return gatewayPort;
    }

    /** A service's own address, behind the gateway (content-service, comment-service, search-service, site). */
    public String serviceUrl(String service) {
        String variable = switch (service) {
            case "content-service" -> "SPACES_CONTENT_PORT";
            case "comment-service" -> "SPACES_COMMENT_PORT";
            case "search-service" -> "SPACES_SEARCH_PORT";
            case "site" -> "SPACES_SITE_PORT";
            default -> throw new IllegalArgumentException("no such service: " + service);
        };
        return "http://localhost:" + env.get(variable);
    }

    /** mail: GreenMail's REST API, e.g. {@code GET /api/user/<address>/messages/INBOX} for the mail it caught. */
    public String mailApiUrl() {
        return "http://127.0.0.1:" + env.get("SPACES_SMTP_API_PORT");
    }

    public int keycloakPort() {
        return keycloakPort;
    }

    /** Ports the stack opens, for the shutdown check. */
    public List<Integer> ports() {
        return env.entrySet().stream().filter(e -> e.getKey().endsWith("_PORT"))
                .map(e -> Integer.parseInt(e.getValue())).toList();
    }

    /** A clean state directory: whatever a crashed earlier run left is stopped first, then deleted. */
    public void wipe() throws IOException {
        if (Files.isDirectory(home)) {
            run(COMMAND_LIMIT, "down");
            try (Stream<Path> paths = Files.walk(home)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    public void up() {
        check(run(UP_LIMIT, "up", "--no-build"), "up");
    }

    public void down() {
        check(run(COMMAND_LIMIT, "down"), "down");
    }

    public void stop(String component) {
        check(run(COMMAND_LIMIT, "stop", component), "stop " + component);
    }

    public void start(String component) {
        check(run(COMMAND_LIMIT, "start", component), "start " + component);
    }

    /** {@code ./spaces status --verbose}: exit code and output. */
    public Result status() {
        return run(COMMAND_LIMIT, "status", "--verbose");
    }

    public record Result(int exitCode, String output) {
    }

    private static void check(Result result, String command) {
        if (result.exitCode() != 0) {
            throw new IllegalStateException("./spaces " + command + " failed (exit " + result.exitCode() + "):\n"
                    + result.output());
        }
    }

    /** Runs the launcher; its output goes to the test log line by line (progress of a long start is visible). */
    public Result run(Duration limit, String... args) {
        return runWith(limit, Map.of(), args);
    }

    /** {@link #run} with more environment variables (over the stack's own). */
    public Result runWith(Duration limit, Map<String, String> extraEnv, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("spaces").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().putAll(extraEnv);
        StringBuilder output = new StringBuilder();
        try {
            Process process = builder.start();
            current = process;
            process.getOutputStream().close();
            Thread pump = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        System.out.println("[spaces " + args[0] + "] " + line);
                        synchronized (output) {
                            output.append(line).append('\n');
                        }
                    }
                } catch (IOException e) {
                    // the process went away; its exit code tells
                }
            });
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                throw new IllegalStateException("./spaces " + String.join(" ", args) + " did not finish in " + limit);
            }
            pump.join(5_000);
            synchronized (output) {
                return new Result(process.exitValue(), output.toString());
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run ./spaces", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running ./spaces", e);
        }
    }

    /** Stops a launcher command that is still running (a JVM shutting down in the middle of {@code up}). */
    public void abortRunningCommand() {
        Process process = current;
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Live processes that belong to this state directory: their command line names it (PostgreSQL's data
     * directory, Keycloak's and Elasticsearch's homes, {@code -Dspaces.home} on every service JVM).
     */
    public List<String> processesOfHome() {
        List<String> found = new ArrayList<>();
        String marker = home.toString();
        long self = ProcessHandle.current().pid();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                if (Long.parseLong(proc.getFileName().toString()) == self) {
                    continue;
                }
                try {
                    String cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ').strip();
                    if (cmdline.contains(marker)) {
                        found.add(proc.getFileName() + ": " + cmdline);
                    }
                } catch (IOException e) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return found;
    }
}
