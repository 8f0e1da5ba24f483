package dev.spaces.commons.migration.sqldump;

import dev.spaces.commons.testing.mariadb.MariaDbServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real MariaDB for the dump tests (the installed {@code mariadbd}, a data directory of its own under a temporary
 * directory, a free loopback port) with the real {@code mariadb} client and {@code mysqldump}. Stopped by
 * {@link #close()}.
 * <p>
 * The server itself is the typecho tests' {@link MariaDbServer}; this adds what the dump tests need around it.
 */
final class DumpTestMariaDb implements AutoCloseable {

    private final Path dir;
    private final MariaDbServer server;

    private DumpTestMariaDb(Path dir, MariaDbServer server) {
        this.dir = dir;
        this.server = server;
    }

    /** A server of the shared harness ({@link MariaDbServer}); {@code dir} keeps this harness's client logs. */
    static DumpTestMariaDb start(Path dir) throws IOException, InterruptedException {
        return new DumpTestMariaDb(dir, MariaDbServer.start());
    }

    Connection connect(String database) throws SQLException {
        return server.rootConnection(database);
    }

    void execute(String database, String... statements) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /**
     * Runs SQL through the {@code mariadb} command-line client over a connection of the given character set: the
     * client sends the bytes as they are, so UTF-8 bytes sent as "latin1" land in the database the way a UTF-8 PHP
     * blog on a latin1 connection put them there.
     */
    void client(String database, String charset, byte[] sql) throws IOException, InterruptedException {
        run(dir.resolve("client.log"), sql, "mariadb", "--no-defaults", "-h127.0.0.1", "-P" + server.port(), "-uroot",
                "--default-character-set=" + charset, database);
    }

    /** Dumps a database with the real mysqldump into {@code out}. */
    Path dump(String database, Path out, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mysqldump", "--no-defaults", "-h127.0.0.1", "-P" + server.port(),
                "-uroot"));
        command.addAll(List.of(options));
        command.add(database);
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(dir.resolve("mysqldump.log").toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("mysqldump failed: " + Files.readString(dir.resolve("mysqldump.log")));
        }
        return out;
    }

    private static void run(Path log, byte[] input, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (input != null) {
            try (var in = p.getOutputStream()) {
                in.write(input);
            }
        } else {
            p.getOutputStream().close();
        }
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(log));
        }
    }

    /** Typecho's own install SQL with its placeholders replaced the way its installer does it. */
    static List<String> typechoSchema(String prefix, String charset, String engine) {
        try (InputStream in = DumpTestMariaDb.class.getResourceAsStream("/typecho/Mysql.sql")) {
            String scripts = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("typecho_", prefix)
                    .replace("%charset%", charset)
                    .replace("%engine%", engine);
            List<String> statements = new ArrayList<>();
            for (String script : scripts.split(";")) {
                if (!script.isBlank()) {
                    statements.add(script.trim());
                }
            }
            return statements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
