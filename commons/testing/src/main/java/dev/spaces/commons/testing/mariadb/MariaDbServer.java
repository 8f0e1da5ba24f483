package dev.spaces.commons.testing.mariadb;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway MariaDB server from the distribution's packages ({@code mariadb-install-db}, {@code mariadbd}), for
 * tests that need the real thing: a fresh data directory in a temporary folder, a free port on 127.0.0.1, no
 * configuration file read ({@code --no-defaults}), stopped and deleted by {@link #close}. Works as root (CI) by
 * telling mariadbd so ({@code --user=root}), which it otherwise refuses.
 * <p>
 * Usage: {@code server = MariaDbServer.start(); server.createDatabase("blog", "typecho", "secret");
 * server.jdbcUrl("blog")} … {@code server.close()} in {@code @AfterAll}.
 */
public final class MariaDbServer implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Path dir;
    private final int port;
    private final Process process;

    private MariaDbServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    public static MariaDbServer start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("mariadb-test");
        Path data = dir.resolve("data");
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> install = new ArrayList<>(List.of(binary("mariadb-install-db"), "--no-defaults",
                "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db",
                "--innodb-log-file-size=8M"));
        if (root) {
            install.add("--user=root");
        }
        run(install, dir.resolve("install.log"));
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(binary("mariadbd"), "--no-defaults", "--datadir=" + data,
                "--socket=" + dir.resolve("mariadb.sock"), "--pid-file=" + dir.resolve("mariadb.pid"),
                "--port=" + port, "--bind-address=127.0.0.1", "--log-error=" + dir.resolve("error.log"),
                "--innodb-buffer-pool-size=64M", "--innodb-log-file-size=8M", "--skip-log-bin",
                "--max-allowed-packet=64M",
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci"));
        if (root) {
            command.add("--user=root");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.log").toFile()).start();
        MariaDbServer server = new MariaDbServer(dir, port, process);
        server.awaitReady();
        return server;
    }

    /** Debian puts the server in /usr/sbin, which is not on every user's PATH. */
    private static String binary(String name) {
        for (String folder : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin")) {
            if (Files.isExecutable(Path.of(folder, name))) {
                return folder + "/" + name;
            }
        }
        return name;
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                String log = readLog();
                deleteDir();
                throw new IllegalStateException("mariadbd exited with " + process.exitValue() + ":\n" + log);
            }
            try (Connection ignored = rootConnection("mysql")) {
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        String log = readLog();
        close();
        throw new IllegalStateException("mariadbd not ready after " + STARTUP + ": " + last + "\n" + log);
    }

    private String readLog() throws IOException {
        Path log = dir.resolve("error.log");
        return Files.exists(log) ? Files.readString(log) : "(no error log)";
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** A connection as root (no password on a fresh server), for setting up fixtures. */
    public Connection rootConnection(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "root", "");
    }

    /** Creates a database (with its default charset) and a user who may read it with that password. */
    public void createDatabase(String database, String charset, String user, String password) throws SQLException {
        try (Connection c = rootConnection("mysql"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + database + "` CHARACTER SET " + charset);
            s.execute("CREATE USER IF NOT EXISTS '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
            s.execute("GRANT ALL ON `" + database + "`.* TO '" + user + "'@'%'");
        }
    }

    /** Stops the server (a clean shutdown on SIGTERM) and deletes its files. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteDir();
    }

    private void deleteDir() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the system cleans it up
        }
    }
}
