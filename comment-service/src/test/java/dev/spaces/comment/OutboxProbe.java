package dev.spaces.comment;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.spi.CDI;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads comment events straight from the outbox table, in the order they were written. */
final class OutboxProbe {

    private OutboxProbe() {
    }

    static List<String> types(long commentId) {
        return column("comment", commentId, "type");
    }

    static List<String> payloads(long commentId) {
        return column("comment", commentId, "payload::text");
    }

    static List<String> memberTypes(long memberId) {
        return column("member", memberId, "type");
    }

    private static List<String> column(String aggregateType, long id, String column) {
        AgroalDataSource ds = CDI.current().select(AgroalDataSource.class).get();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM outbox_event WHERE aggregate_type = ? "
                     + "AND aggregate_id = ? ORDER BY seq")) {
            ps.setString(1, aggregateType);
            ps.setLong(2, id);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
