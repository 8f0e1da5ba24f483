package dev.spaces.comment.mail;

import dev.spaces.commons.outbox.OutboxStore;
import dev.spaces.commons.outbox.PgNotificationListener;
import dev.spaces.commons.outbox.WakeupLoop;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the mail pipeline in this process: the dispatcher (woken by the outbox's NOTIFY, like the event relay), the
 * sender (woken by the dispatcher and the digest) and the digest (once per window). Any number of replicas may run
 * it: the dispatcher's cursor and the sender's rows are locked, and deliveries are unique.
 */
@ApplicationScoped
public class MailPipeline {

    private static final Logger LOG = Logger.getLogger(MailPipeline.class);
    /** How soon to look again when content-service could not say who wrote an article. */
    private static final Duration BLOCKED_PAUSE = Duration.ofSeconds(5);

    private final MailDispatcher dispatcher;
    private final MailSender sender;
    private final ModerationDigest digest;
    private final MailConfig config;
    private final AgroalDataSource dataSource;
    private final Counter sent;
    private final List<AutoCloseable> running = new ArrayList<>();
    private volatile WakeupLoop sendLoop;
    private volatile Instant holdUntil = Instant.EPOCH;

    public MailPipeline(MailDispatcher dispatcher, MailSender sender, ModerationDigest digest, MailConfig config,
                        AgroalDataSource dataSource, MeterRegistry registry) {
        this.dispatcher = dispatcher;
        this.sender = sender;
        this.digest = digest;
        this.config = config;
        this.dataSource = dataSource;
        this.sent = Counter.builder("spaces.comment.mail.sent").description("Mails the SMTP server took")
                .register(registry);
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.enabled()) {
            LOG.info("Mail pipeline disabled in this process (spaces.mail.enabled=false)");
            return;
        }
        sendLoop = new WakeupLoop("mail-sender", config.send().pollInterval(), this::sendRound).start();
        WakeupLoop dispatchLoop = new WakeupLoop("mail-dispatcher", config.dispatch().pollInterval(),
                this::dispatchRound).start();
        running.add(sendLoop);
        running.add(dispatchLoop);
        running.add(new PgNotificationListener("mail-listen", dataSource::getConnection,
                List.of(OutboxStore.NOTIFY_CHANNEL), channel -> dispatchLoop.wake()).start());
        Duration interval = config.digest().interval();
        if (!interval.isZero()) {
            running.add(new WakeupLoop("mail-digest", interval, this::digestRound).start());
        }
        LOG.infof("Mail pipeline started (digest every %s)", interval.isZero() ? "never" : interval);
    }

    /** Reads the outbox until nothing new is there; public so a test can drive it without waiting. */
    public Duration dispatchRound() {
        MailDispatcher.Round round;
        int created = 0;
        do {
            round = dispatcher.dispatchBatch();
            created += round.created();
        } while (!round.blocked() && round.advanced() && round.read() == config.dispatch().batchSize());
        if (created > 0) {
            wakeSender();
        }
        return round.blocked() ? BLOCKED_PAUSE : null;
    }

    /** Sends what is due until nothing is or the server fails (then waits as long as the backoff says). */
    public Duration sendRound() {
        Instant hold = holdUntil;
        if (Instant.now().isBefore(hold)) {
            return Duration.between(Instant.now(), hold);
        }
        MailSender.Round round;
        do {
            round = sender.sendBatch();
            sent.increment(round.sent());
        } while (!round.serverDown() && round.claimed() == config.send().batchSize());
        if (round.serverDown()) {
            holdUntil = Instant.now().plus(round.retryIn());
            return round.retryIn();
        }
        return null;
    }

    private Duration digestRound() {
        Duration interval = config.digest().interval();
        Instant window = ModerationDigest.windowStart(Instant.now(), interval);
        if (digest.run(window) > 0) {
            wakeSender();
        }
        return Duration.between(Instant.now(), window.plus(interval)).plusMillis(10);
    }

    public void wakeSender() {
        WakeupLoop loop = sendLoop;
        if (loop != null) {
            loop.wake();
        }
    }

    /** Lets the next send round go at once (a test that brought the SMTP server back does not wait out a backoff). */
    public void retryNow() {
        holdUntil = Instant.EPOCH;
        wakeSender();
    }

    void stop(@Observes ShutdownEvent ignored) {
        for (AutoCloseable closeable : running.reversed()) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debugf("Closing %s: %s", closeable, e);
            }
        }
    }
}
