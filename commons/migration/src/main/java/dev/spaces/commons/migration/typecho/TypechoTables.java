package dev.spaces.commons.migration.typecho;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Typecho's tables, wherever they are: a live MySQL/MariaDB or SQLite database (over JDBC) or a mysqldump file.
 * Names are given without the table prefix ({@code contents}, {@code metas}, {@code relationships},
 * {@code comments}, {@code users}, {@code options}, {@code fields}); the implementation adds its configured prefix
 * ({@code typecho_} by default).
 * <p>
 * Values come as the database holds them: numbers as {@link Long}, text as {@link String} (already decoded; text whose
 * bytes had to be repaired is reported by the implementation), NULL as null.
 */
public interface TypechoTables extends AutoCloseable {

    /** Whether the table exists. */
    boolean has(String table);

    /** The table's column names (lower case); empty when it does not exist. */
    Set<String> columns(String table);

    /**
     * Calls {@code row} for every row of the table in the order of its primary key, one at a time (never all rows in
     * memory at once). Keys are the column names in lower case.
     */
    void forEach(String table, Consumer<Map<String, Object>> row);

    @Override
    void close();
}
