package dev.spaces.content.exporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One read-only REPEATABLE READ transaction on content's database: every query of an export sees the same moment, so
 * an article published while a long export runs is either wholly in it or wholly not (never its revisions without it).
 * Plain JDBC rather than entities: an export reads each row once, and a persistence context would only grow.
 */
final class Snapshot implements AutoCloseable {

    /** Rows fetched from the server at a time: the driver streams a result in these (autocommit off). */
    private static final int FETCH_SIZE = 200;

    private final Connection connection;

    Snapshot(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
    }

    interface RowReader<T> {
        T read(ResultSet row) throws Exception;
    }

    interface RowHandler {
        void handle(ResultSet row) throws Exception;
    }

    /** Streams the rows to {@code handler} one at a time (never the whole result in memory). */
    void each(String sql, List<?> parameters, RowHandler handler) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    handler.handle(rows);
                }
            }
        }
    }

    <T> List<T> list(String sql, List<?> parameters, RowReader<T> reader) throws Exception {
        List<T> result = new ArrayList<>();
        each(sql, parameters, row -> result.add(reader.read(row)));
        return result;
    }

    java.sql.Array array(String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Integer integer(ResultSet row, String column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    static Long longOrNull(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback(); // read only: nothing to keep
        } finally {
            connection.close();
        }
    }
}
