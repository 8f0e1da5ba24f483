package dev.spaces.commons.migration.typecho;

import java.util.Map;
import java.util.Objects;
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

    /**
     * A row's extra entry (not a column: no column name starts with {@code #}) present when text of the row had to be
     * repaired to be read: which columns and how, e.g. {@code "title, text: GBK bytes in a latin1 column"}. The
     * source turns it into a {@link dev.spaces.commons.migration.SourceNote#repaired} note naming the item.
     */
    String REPAIRED = "#repaired";

    /** The table's name as the source spells it (with its prefix), for messages. */
    default String name(String table) {
        return table;
    }

    /**
     * Like {@link #forEach} for the rows whose {@code column} equals {@code value} (e.g. the attachments among the
     * contents); an implementation that can filter where the rows are (SQL) does so.
     */
    default void forEachWhere(String table, String column, Object value, Consumer<Map<String, Object>> row) {
        forEach(table, r -> {
            if (Objects.equals(r.get(column), value)) {
                row.accept(r);
            }
        });
    }

    /** Whether the table exists. */
    boolean has(String table);

    /** How many rows the table holds, or -1 when that cannot be told without reading them. */
    default long rowCount(String table) {
        return -1;
    }

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
