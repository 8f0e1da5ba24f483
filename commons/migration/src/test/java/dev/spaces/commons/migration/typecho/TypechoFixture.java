package dev.spaces.commons.migration.typecho;

import dev.spaces.commons.migration.BundleSink;
import dev.spaces.commons.migration.SourceNote;
import dev.spaces.commons.migration.bundle.BundleRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The test site: Typecho's own install SQL (src/test/resources/typecho/Mysql.sql and SQLite.sql, copied verbatim from
 * typecho/typecho v1.2.1) with the small math blog of math-blog.sql in it, under any table prefix.
 */
public final class TypechoFixture {

    static final Charset GBK = Charset.forName("GBK");

    /** The text of comment 9 as written; the fixture stores it damaged (GBK, mojibake) for TextRepair. */
    static final String COMMENT_9 = "数学很美";

    private TypechoFixture() {
    }

    /** Creates Typecho's tables with {@code prefix} and fills them; MariaDB tables get {@code charset}. */
    static void load(Connection connection, boolean mariadb, String prefix, String charset) throws SQLException {
        String schema = schema(mariadb, charset);
        try (Statement s = connection.createStatement()) {
            if (mariadb) {
                // LaTeX is full of backslashes, which MariaDB would otherwise read as escapes
                s.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')");
            }
            for (String statement : statements(schema + "\n" + resource("math-blog.sql"))) {
                s.execute(statement.replace("typecho_", prefix));
            }
        }
    }

    /** Typecho's install SQL for the database, as its installer fills in engine and charset. */
    public static String schema(boolean mariadb, String charset) {
        return resource(mariadb ? "Mysql.sql" : "SQLite.sql").replace("%engine%", "InnoDB")
                .replace("%charset%", charset == null ? "utf8mb4" : charset);
    }

    /** Statements end with a semicolon at the end of a line; lines starting with -- are comments. */
    public static List<String> statements(String sql) {
        String code = sql.lines().filter(line -> !line.startsWith("--")).collect(Collectors.joining("\n"));
        List<String> statements = new ArrayList<>();
        for (String statement : code.split(";[ \\t]*(\\n|$)")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }

    private static String resource(String name) {
        try (InputStream in = TypechoFixture.class.getResourceAsStream("/typecho/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hex of bytes, for SQL's X'…' literals. */
    static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02X", b & 0xFF));
        }
        return out.toString();
    }

    /**
     * Stands in for TextRepair (written elsewhere) to test the seam: what the column declares, else GBK, and
     * UTF-8 shown as windows-1252 (mojibake) turned back — each said in the repair note.
     */
    static final TextDecoder STAND_IN_FOR_TEXT_REPAIR = (stored, declared) -> {
        if (TextDecoder.strict(stored, StandardCharsets.UTF_8) == null && !declared.equals(GBK)) {
            String gbk = TextDecoder.strict(stored, GBK);
            if (gbk != null) {
                return new TextDecoder.Decoded(gbk, "GBK bytes read as GBK");
            }
        }
        TextDecoder.Decoded decoded = TextDecoder.AS_STORED.decode(stored, declared);
        if (decoded != null && decoded.repair() == null && decoded.text().chars().anyMatch(c -> c >= 0x80)
                && TextDecoder.LATIN1.newEncoder().canEncode(decoded.text())) {
            String utf8 = TextDecoder.strict(decoded.text().getBytes(TextDecoder.LATIN1), StandardCharsets.UTF_8);
            if (utf8 != null) {
                return new TextDecoder.Decoded(utf8, "mojibake turned back into UTF-8");
            }
        }
        return decoded;
    };
}
