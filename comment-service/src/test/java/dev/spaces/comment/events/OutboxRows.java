package dev.spaces.comment.events;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.spi.CDI;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The outbox rows of some aggregates, straight from the table, in the order they were written. */
final class OutboxRows {

    record Row(String id, long seq, String type, String aggregateType, long aggregateId, boolean dispatched,
               boolean rejected, int attempts, String lastError) {
    }

    private OutboxRows() {
    }

    static List<Row> of(String aggregateType, List<Long> ids) {
        AgroalDataSource ds = CDI.current().select(AgroalDataSource.class).get();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT id::text, seq, type, aggregate_type, aggregate_id, dispatched_at IS NOT NULL,
                            rejected_at IS NOT NULL, attempts, last_error
                     FROM outbox_event WHERE aggregate_type = ? AND aggregate_id = ANY (?) ORDER BY seq""")) {
            ps.setString(1, aggregateType);
            ps.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getBoolean(6), rs.getBoolean(7), rs.getInt(8), rs.getString(9)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Row> of(List<Long> commentIds, List<Long> memberIds) {
        List<Row> rows = new ArrayList<>(of("comment", commentIds));
        rows.addAll(of("member", memberIds));
        rows.sort(java.util.Comparator.comparingLong(Row::seq));
        return rows;
    }
}
