package dev.spaces.commons.migration.typecho;

import dev.spaces.commons.migration.SourceProblem;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Typecho's tables in a live MySQL/MariaDB or SQLite database, read over JDBC.
 * <p>
 * Rows are streamed: on MariaDB a forward-only, read-only statement with a fetch size (the driver then reads the rows
 * as they are consumed instead of the whole result), on SQLite the statement is stepped row by row. Only one table is
 * read at a time: a second query on a MariaDB connection while a streaming result is open would make the driver
 * buffer the rest of the first one, so callers (see {@link TypechoSource}) never nest {@code forEach} calls.
 * <p>
 * Text columns are read as the bytes the database stores ({@code CAST(… AS BINARY)} on MariaDB, so neither the server
 * nor the driver converts them) and turned into text by a {@link TextDecoder} together with the column's declared
 * charset: this is where the GBK / mojibake repair plugs in.
 */
public final class JdbcTypechoTables implements TypechoTables {

    /** Rows fetched per round trip when streaming from MariaDB. */
    private static final int FETCH_SIZE = 500;

    /** Typecho's tables and their primary keys (SQLite's relationships/options/fields have unique indexes instead). */
    private static final Map<String, List<String>> KEYS = Map.of(
            "contents", List.of("cid"), "metas", List.of("mid"), "comments", List.of("coid"),
            "users", List.of("uid"), "relationships", List.of("cid", "mid"), "options", List.of("name", "user"),
            "fields", List.of("cid", "name"));

    private enum Dialect { MARIADB, SQLITE }

    private record Column(String name, boolean text, boolean numeric, Charset charset) {
    }

    private final Connection connection;
    /** How long the server waits for this reader to take the next rows of a streamed table (see the constructor). */
    static final int STREAMING_WRITE_TIMEOUT_SECONDS = 6 * 3600;

    private final String prefix;
    private final TextDecoder decoder;
    private final Dialect dialect;
    private final Map<String, Map<String, Column>> columns = new HashMap<>();

    /**
     * Opens the database at {@code jdbcUrl} ({@code jdbc:mariadb://…}, {@code jdbc:mysql://…} with the MariaDB
     * driver, or {@code jdbc:sqlite:/path/to/typecho.db}, which is opened read-only so a mistyped path is not created).
     *
     * @throws SourceProblem UNREACHABLE when it cannot be reached or refuses the credentials; BROKEN_INPUT when a
     *                       SQLite file is not a database
     */
    public static JdbcTypechoTables open(String jdbcUrl, String user, String password, String prefix,
                                         TextDecoder decoder) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        boolean sqlite = jdbcUrl.startsWith("jdbc:sqlite:");
        if (sqlite) {
            properties.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: never create a file at a wrong path
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection(jdbcUrl, properties);
        } catch (SQLException e) {
            throw new SourceProblem(SourceProblem.Type.UNREACHABLE,
                    "cannot open the Typecho database " + redacted(jdbcUrl) + ": " + e.getMessage(), e);
        }
        if (sqlite) {
            try (Statement probe = connection.createStatement()) {
                probe.executeQuery("SELECT count(*) FROM sqlite_master").close();
            } catch (SQLException e) {
                closeQuietly(connection);
                throw new SourceProblem(SourceProblem.Type.BROKEN_INPUT,
                        redacted(jdbcUrl) + " is not a readable SQLite database: " + e.getMessage(), e);
            }
        }
        return new JdbcTypechoTables(connection, prefix, decoder);
    }

    /**
     * Reads through {@code connection}, which it then owns (closed by {@link #close}).
     *
     * @param prefix  the table prefix ({@code typecho_} when null)
     * @param decoder how stored bytes become text ({@link TextDecoder#AS_STORED} when null)
     */
    public JdbcTypechoTables(Connection connection, String prefix, TextDecoder decoder) {
        this.connection = connection;
        this.prefix = prefix == null ? "typecho_" : prefix;
        this.decoder = decoder == null ? TextDecoder.AS_STORED : decoder;
        try {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            this.dialect = product.contains("sqlite") ? Dialect.SQLITE : Dialect.MARIADB;
            // one transaction for the whole read: InnoDB's repeatable read and SQLite's read transaction give every
            // table as of the same moment, so a comment written during the import cannot name a post not seen
            connection.setAutoCommit(false);
            if (dialect == Dialect.MARIADB) {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                // rows are streamed, and the importer takes its time over each (formulas rendered, rows stored): the
                // server gives up on a client that has not read for net_write_timeout (60 s by default) and cuts the
                // stream. bench/run's 10,000 posts met that half-way ("Error while streaming resultSet data").
                // MySQL's own driver raises it for streaming reads (netTimeoutForStreamingResults); MariaDB's does not.
                try (Statement session = connection.createStatement()) {
                    session.execute("SET SESSION net_write_timeout = " + STREAMING_WRITE_TIMEOUT_SECONDS);
                }
            }
        } catch (SQLException e) {
            throw new SourceProblem(SourceProblem.Type.UNREACHABLE, "cannot read the Typecho database: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String name(String table) {
        return prefix + table;
    }

    @Override
    public boolean has(String table) {
        return !columnsOf(table).isEmpty();
    }

    @Override
    public Set<String> columns(String table) {
        return columnsOf(table).keySet();
    }

    /** {@code COUNT(*)} in the import's own transaction, so it counts the rows the read then sees. */
    @Override
    public long rowCount(String table) {
        if (columnsOf(table).isEmpty()) {
            return 0;
        }
        try (Statement count = connection.createStatement();
             ResultSet result = count.executeQuery("SELECT COUNT(*) FROM " + quote(name(table)))) {
            return result.next() ? result.getLong(1) : 0;
        } catch (SQLException e) {
            return -1; // only a progress estimate: the read itself reports what is wrong
        }
    }

    @Override
    public void forEach(String table, Consumer<Map<String, Object>> row) {
        query(table, null, null, row);
    }

    @Override
    public void forEachWhere(String table, String column, Object value, Consumer<Map<String, Object>> row) {
        query(table, column, value, row);
    }

    private void query(String table, String whereColumn, Object whereValue, Consumer<Map<String, Object>> row) {
        Map<String, Column> cols = columnsOf(table);
        if (cols.isEmpty()) {
            throw new SourceProblem(SourceProblem.Type.UNKNOWN_SCHEMA, "the Typecho database has no table "
                    + name(table));
        }
        String select = cols.values().stream().map(this::selected).collect(Collectors.joining(", "));
        StringBuilder sql = new StringBuilder("SELECT ").append(select).append(" FROM ").append(quote(name(table)));
        if (whereColumn != null) {
            Column where = cols.get(whereColumn);
            if (where == null) {
                throw new SourceProblem(SourceProblem.Type.UNKNOWN_SCHEMA, name(table) + " has no column "
                        + whereColumn);
            }
            sql.append(" WHERE ").append(quote(where.name())).append(" = ?");
        }
        List<String> keys = KEYS.getOrDefault(table, List.of()).stream().filter(cols::containsKey)
                .map(k -> quote(cols.get(k).name())).toList();
        if (!keys.isEmpty()) {
            sql.append(" ORDER BY ").append(String.join(", ", keys));
        }
        List<Column> list = new ArrayList<>(cols.values());
        try (PreparedStatement statement = connection.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            if (whereColumn != null) {
                statement.setObject(1, whereValue);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.accept(read(table, list, rs));
                }
            }
        } catch (SQLException e) {
            throw new SourceProblem(SourceProblem.Type.UNREACHABLE, "reading " + name(table) + " failed: "
                    + e.getMessage(), e);
        }
    }

    private Map<String, Object> read(String table, List<Column> list, ResultSet rs) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> repairs = null;
        for (int i = 0; i < list.size(); i++) {
            Column column = list.get(i);
            String key = column.name().toLowerCase(Locale.ROOT);
            Object value = rs.getObject(i + 1);
            if (value == null) {
                values.put(key, null);
            } else if (column.text()) {
                byte[] stored = value instanceof byte[] b ? b : rs.getBytes(i + 1);
                TextDecoder.Decoded decoded = decoder.decode(stored, column.charset());
                if (decoded == null) {
                    throw new SourceProblem(SourceProblem.Type.ENCODING, name(table) + "." + column.name()
                            + " of the row " + describeKey(table, values) + " is neither " + column.charset()
                            + " nor text that can be repaired");
                }
                if (decoded.repair() != null) {
                    (repairs == null ? repairs = new ArrayList<>() : repairs).add(key + ": " + decoded.repair());
                }
                values.put(key, decoded.text());
            } else {
                values.put(key, number(value));
            }
        }
        if (repairs != null) {
            values.put(REPAIRED, String.join("; ", repairs));
        }
        return values;
    }

    private static String describeKey(String table, Map<String, Object> values) {
        return KEYS.getOrDefault(table, List.of()).stream().filter(values::containsKey)
                .map(k -> k + "=" + values.get(k)).collect(Collectors.joining(", "));
    }

    /** Numbers as Long (Typecho's are all integers but a float in fields); text in a numeric SQLite column too. */
    private static Object number(Object value) {
        return switch (value) {
            case Long l -> l;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case BigInteger b -> b.longValue();
            case BigDecimal d -> d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0 ? (Object) d.longValue() : d;
            case String s -> parseLong(s);
            case byte[] b -> parseLong(new String(b, StandardCharsets.US_ASCII));
            default -> value;
        };
    }

    private static Object parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return s;
        }
    }

    private String selected(Column column) {
        String quoted = quote(column.name());
        // the bytes as stored: no conversion to the connection's charset, which would turn GBK into '?' for good
        return column.text() && dialect == Dialect.MARIADB ? "CAST(" + quoted + " AS BINARY) AS " + quoted : quoted;
    }

    private String quote(String identifier) {
        return dialect == Dialect.MARIADB ? "`" + identifier.replace("`", "``") + "`"
                : "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private Map<String, Column> columnsOf(String table) {
        return columns.computeIfAbsent(table, t -> {
            try {
                return dialect == Dialect.MARIADB ? mariadbColumns(name(t)) : sqliteColumns(name(t));
            } catch (SQLException e) {
                throw new SourceProblem(SourceProblem.Type.UNREACHABLE, "cannot read the columns of " + name(t)
                        + ": " + e.getMessage(), e);
            }
        });
    }

    private Map<String, Column> mariadbColumns(String table) throws SQLException {
        Map<String, Column> result = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_SET_NAME FROM information_schema.COLUMNS"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String type = rs.getString(2).toLowerCase(Locale.ROOT);
                    boolean text = type.endsWith("char") || type.endsWith("text") || type.equals("enum")
                            || type.equals("set");
                    boolean numeric = type.endsWith("int") || type.equals("decimal") || type.equals("float")
                            || type.equals("double");
                    result.put(name.toLowerCase(Locale.ROOT), new Column(name, text, numeric,
                            text ? mariadbCharset(rs.getString(3)) : null));
                }
            }
        }
        return result;
    }

    /** MariaDB's charset names as Java charsets (latin1 is windows-1252 in MariaDB). */
    static Charset mariadbCharset(String name) {
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "latin1" -> TextDecoder.LATIN1;
            case "gbk", "gb2312" -> Charset.forName("GBK");
            case "gb18030" -> Charset.forName("GB18030");
            case "big5" -> Charset.forName("Big5");
            case "ascii" -> StandardCharsets.US_ASCII;
            default -> StandardCharsets.UTF_8; // utf8, utf8mb3, utf8mb4, binary: Typecho writes UTF-8
        };
    }

    private Map<String, Column> sqliteColumns(String table) throws SQLException {
        Map<String, Column> result = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA table_info(" + quote(table) + ")")) {
            while (rs.next()) {
                String name = rs.getString("name");
                String type = String.valueOf(rs.getString("type")).toUpperCase(Locale.ROOT);
                // SQLite's affinity rules: INT → integer; CHAR, CLOB, TEXT → text
                boolean numeric = type.contains("INT") || type.contains("REAL") || type.contains("FLOA")
                        || type.contains("DOUB");
                boolean text = !numeric && (type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT"));
                result.put(name.toLowerCase(Locale.ROOT), new Column(name, text, numeric,
                        text ? StandardCharsets.UTF_8 : null));
            }
        }
        return result;
    }

    @Override
    public String toString() {
        return "Typecho tables " + prefix + "* over " + dialect;
    }

    @Override
    public void close() {
        try {
            connection.rollback(); // read only: nothing to keep, and it ends the snapshot
        } catch (SQLException ignored) {
            // closing anyway
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to do with it
        }
    }

    /** The URL without a password given in it, for messages. */
    private static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
