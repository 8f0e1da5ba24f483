package dev.spaces.content.readcache;

import dev.spaces.commons.outbox.PgNotificationListener;
import dev.spaces.commons.outbox.WakeupLoop;
import dev.spaces.content.common.ContentConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * This replica's view of the public content generation (table {@code content_generation}, bumped at commit by every
 * write that changes a public answer). Learned from LISTEN {@code content_generation} within milliseconds of another
 * replica's commit, from a poll every {@code read-cache.poll-interval} when a notification is lost, and at once
 * after this replica's own writes ({@link #refresh()}). A generation not confirmed for
 * {@code read-cache.max-unconfirmed} is not trusted: the cache is bypassed until the database answers again.
 */
@ApplicationScoped
public class ContentGeneration {

    public static final String CHANNEL = "content_generation";
    private static final Logger LOG = Logger.getLogger(ContentGeneration.class);

    private final AgroalDataSource dataSource;
    private final ContentConfig.ReadCache config;
    private final AtomicLong generation = new AtomicLong(-1);
    private final long maxUnconfirmedNanos;
    private volatile long confirmedAtNanos;
    private volatile boolean confirmed;
    private volatile LongConsumer onChange = g -> { };
    private WakeupLoop poll;
    private PgNotificationListener listener;

    public ContentGeneration(AgroalDataSource dataSource, ContentConfig config) {
        this.dataSource = dataSource;
        this.config = config.readCache();
        this.maxUnconfirmedNanos = this.config.maxUnconfirmed().toNanos();
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.enabled()) {
            return;
        }
        poll = new WakeupLoop("content-generation-poll", config.pollInterval(), () -> {
            refresh();
            return null;
        }).start();
        listener = new PgNotificationListener("content-generation-listen", dataSource::getConnection,
                List.of(CHANNEL), channel -> poll.wake()).start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (listener != null) {
            listener.close();
        }
        if (poll != null) {
            poll.close();
        }
    }

    /** Called with the new generation whenever it moves forward (the cache drops the older entries). */
    public void onChange(LongConsumer listener) {
        this.onChange = listener;
    }

    /** The current generation if it was confirmed recently enough to serve cached answers by, else -1. */
    public long trusted() {
        if (!confirmed || System.nanoTime() - confirmedAtNanos > maxUnconfirmedNanos) {
            return -1;
        }
        return generation.get();
    }

    /** Reads the generation now (after a local write, so that its author reads it back at once). */
    public void refresh() {
        // confirmed as of the moment the question was asked, not when the answer arrived
        long askedAt = System.nanoTime();
        long read;
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT generation FROM content_generation WHERE id = 1")) {
            if (!rs.next()) {
                LOG.warn("content_generation has no row (migration V3): the read cache stays bypassed");
                return;
            }
            read = rs.getLong(1);
        } catch (SQLException e) {
            // the confirmation ages out and the cache is bypassed; the poll keeps trying
            LOG.debugf("Reading the content generation failed: %s", e.toString());
            return;
        }
        // only forward: a slower reader of an older value must not bring back entries of that generation
        long previous = generation.getAndAccumulate(read, Math::max);
        synchronized (this) {
            if (!confirmed || askedAt - confirmedAtNanos > 0) {
                confirmedAtNanos = askedAt;
            }
            confirmed = true;
        }
        if (read > previous) {
            onChange.accept(read);
        }
    }
}
