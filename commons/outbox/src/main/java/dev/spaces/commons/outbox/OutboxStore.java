package dev.spaces.commons.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The service-independent half of an outbox relay: claim undispatched rows and mark them dispatched, on the
 * caller's connection and inside the caller's transaction. Claimed rows stay locked ({@code FOR UPDATE}) until that
 * transaction ends, and other relays skip them ({@code SKIP LOCKED}): several replicas can relay at once, each row
 * is handled by exactly one of them, and a relay that dies before committing leaves its rows to the others.
 * Rows come in {@code seq} order within a batch.
 */
public final class OutboxStore {

    /** The channel the {@code outbox_event} insert trigger notifies (see the services' migrations). */
    public static final String NOTIFY_CHANNEL = "outbox_event";

    private OutboxStore() {
    }

    public static List<OutboxEvent> claim(Connection connection, int limit) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT id, seq, type, aggregate_type, aggregate_id, aggregate_version, occurred_at, payload::text
                FROM outbox_event WHERE dispatched_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            ps.setInt(1, limit);
            List<OutboxEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new OutboxEvent(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
                            rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getTimestamp(7).toInstant(),
                            rs.getString(8)));
                }
            }
            return events;
        }
    }

    public static int markDispatched(Connection connection, Collection<UUID> ids, Instant at) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE outbox_event SET dispatched_at = ? WHERE id = ANY (?) AND dispatched_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setArray(2, connection.createArrayOf("uuid", ids.toArray()));
            return ps.executeUpdate();
        }
    }
}
