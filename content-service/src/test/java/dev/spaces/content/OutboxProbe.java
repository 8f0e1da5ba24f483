package dev.spaces.content;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.spi.CDI;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads outbox rows straight from the database, as the relay will. */
final class OutboxProbe {

    private OutboxProbe() {
    }

    static List<Map<String, Object>> eventsFor(long articleId) {
        return eventsFor("article", articleId);
    }

    /** Ids are per aggregate type (pages and articles both count from 1): the type tells them apart. */
    static List<Map<String, Object>> eventsFor(String aggregateType, long aggregateId) {
        AgroalDataSource ds = CDI.current().select(AgroalDataSource.class).get();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, type, aggregate_id, aggregate_version, occurred_at, "
                     + "payload::text AS payload FROM outbox_event WHERE aggregate_type = ? AND aggregate_id = ? ORDER BY seq")) {
            ps.setString(1, aggregateType);
            ps.setLong(2, aggregateId);
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.put(md.getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
