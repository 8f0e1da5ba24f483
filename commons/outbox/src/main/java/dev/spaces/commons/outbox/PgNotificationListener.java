package dev.spaces.commons.outbox;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Holds one connection that {@code LISTEN}s on PostgreSQL channels and hands each notification's channel to a
 * callback. PostgreSQL delivers notifications when the notifying transaction commits, so a relay woken by one sees
 * the committed rows. The connection is reopened after failures; notifications sent meanwhile are lost, which the
 * relays' fallback poll covers.
 */
public final class PgNotificationListener implements AutoCloseable {

    /** Opens a dedicated connection (not one a transaction could be using). */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private static final Logger LOG = Logger.getLogger(PgNotificationListener.class);
    private static final int WAIT_MILLIS = 500;

    private final ConnectionSource source;
    private final List<String> channels;
    private final Consumer<String> onNotification;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection current;

    public PgNotificationListener(String name, ConnectionSource source, List<String> channels,
                                  Consumer<String> onNotification) {
        for (String channel : channels) {
            if (!channel.matches("[a-z_][a-z0-9_]*")) {
                throw new IllegalArgumentException("Not a plain channel name: " + channel);
            }
        }
        this.source = source;
        this.channels = List.copyOf(channels);
        this.onNotification = onNotification;
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::run);
    }

    public PgNotificationListener start() {
        thread.start();
        return this;
    }

    private void run() {
        while (running) {
            try (Connection connection = source.open()) {
                current = connection;
                try (Statement st = connection.createStatement()) {
                    for (String channel : channels) {
                        st.execute("LISTEN " + channel);
                    }
                }
                // Anything committed while we were not listening: let every consumer look once.
                channels.forEach(this::deliver);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = pg.getNotifications(WAIT_MILLIS);
                    if (received == null) {
                        continue;
                    }
                    java.util.Arrays.stream(received).map(PGNotification::getName).distinct().forEach(this::deliver);
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("LISTEN connection lost, reconnecting: %s", e.toString());
                    sleep();
                }
            } finally {
                current = null;
            }
        }
    }

    private void deliver(String channel) {
        try {
            onNotification.accept(channel);
        } catch (RuntimeException e) {
            LOG.warnf("Notification handler for %s failed: %s", channel, e.toString());
        }
    }

    private static void sleep() {
        try {
            TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
