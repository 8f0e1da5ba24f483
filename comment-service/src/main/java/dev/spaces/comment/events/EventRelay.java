package dev.spaces.comment.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.comment.client.ContentEventSender;
import dev.spaces.comment.client.ContentEventSender.Outcome;
import dev.spaces.comment.config.ClientsConfig;
import dev.spaces.comment.config.EventRelayConfig;
import dev.spaces.comment.events.OutboxBatch.Verdict;
import dev.spaces.comment.repository.OutboxRelayRepository.PendingEvent;
import dev.spaces.commons.outbox.OutboxEvent;
import dev.spaces.commons.outbox.OutboxStore;
import dev.spaces.commons.outbox.PgNotificationListener;
import dev.spaces.commons.outbox.RetrySchedule;
import dev.spaces.commons.outbox.WakeupLoop;
import dev.spaces.commons.webhooks.StandardWebhooks;
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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands comment-service's outbox to content-service's intake ({@code POST /api/v1/webhooks/events}), which fans
 * the events out to webhook subscribers. Each row goes as a Standard Webhooks POST signed with the shared internal
 * secret, its webhook-id the outbox row id, so a redelivery (after a crash or a lost answer) is dropped there.
 *
 * <p>Woken by the outbox insert's NOTIFY and by a fallback poll. Any number of replicas may run it: rows are
 * claimed FOR UPDATE SKIP LOCKED, one aggregate's events in order. Outcomes:
 * <ul>
 *     <li>2xx: dispatched.</li>
 *     <li>400, 413, 422 and other 4xx except 401/403/404/408/425/429: the intake refuses this message and always
 *     will. It is logged as an error, counted ({@code spaces.comment.events.failed{reason=rejected}}), kept with
 *     {@code rejected_at} and {@code last_error}, and taken out of the queue so the events after it still go.</li>
 *     <li>anything else (no answer, timeout, 5xx, 401/403 secret mismatch, 404/503 intake not ready, 408, 429):
 *     the row stays pending with exponential backoff and jitter, and this replica pauses for as long, since the
 *     next row would meet the same receiver. Nothing is given up: the pending gauge shows the backlog.</li>
 * </ul>
 * Without a secret the relay does not start (one warning at startup; events wait in the outbox until it runs).
 */
@ApplicationScoped
public class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class);
    /** Stop starting new sends this long into a transaction (its timeout is 120 s, a send at most ~20 s). */
    private static final Duration ROUND_BUDGET = Duration.ofSeconds(30);

    private final OutboxBatch batch;
    private final ContentEventSender sender;
    private final EventRelayConfig config;
    /** One attempt to hand a batch over: it runs inside the transaction that locks the batch's rows. */
    private final Duration sendTimeout;
    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final RetrySchedule backoff;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final Counter delivered;
    private final Counter rejected;
    private final Counter unavailable;

    private volatile Instant holdUntil = Instant.EPOCH;
    private volatile String state = "not started";
    private volatile String lastError;
    private volatile Duration untilNextRetry;
    private String secret;
    private WakeupLoop loop;
    private PgNotificationListener listener;

    public EventRelay(OutboxBatch batch, ContentEventSender sender, EventRelayConfig config, ClientsConfig clients,
                      AgroalDataSource dataSource, ObjectMapper json, MeterRegistry registry) {
        this.batch = batch;
        this.sender = sender;
        this.config = config;
        this.sendTimeout = clients.contentEvents().timeout();
        this.dataSource = dataSource;
        this.json = json;
        this.backoff = RetrySchedule.doubling("spaces.events.relay.backoff", config.backoff().initial(),
                config.backoff().max(), config.backoff().jitter());
        registry.gauge("spaces.comment.events.pending", pending);
        this.delivered = Counter.builder("spaces.comment.events.delivered")
                .description("Events content-service accepted").register(registry);
        this.rejected = Counter.builder("spaces.comment.events.failed").tag("reason", "rejected")
                .description("Events content-service refused for good (4xx); kept in the outbox with the reason")
                .register(registry);
        this.unavailable = Counter.builder("spaces.comment.events.failed").tag("reason", "unavailable")
                .description("Attempts that got no useful answer; the event is retried").register(registry);
    }

    void start(@Observes StartupEvent ignored) {
        if (!config.enabled()) {
            state = "disabled (spaces.events.relay.enabled=false)";
            LOG.info("Comment event relay disabled in this process (spaces.events.relay.enabled=false)");
            return;
        }
        secret = config.secret().filter(s -> !s.isBlank()).orElse(null);
        if (secret == null) {
            state = "disabled (no SPACES_INTERNAL_EVENTS_SECRET)";
            LOG.warn("Comment event relay NOT running: SPACES_INTERNAL_EVENTS_SECRET (spaces.events.relay.secret) is "
                    + "not set. Comment and member events stay in the outbox until a replica with the secret runs.");
            return;
        }
        try {
            StandardWebhooks.sign(secret, "probe", 0, "");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("spaces.events.relay.secret (SPACES_INTERNAL_EVENTS_SECRET) must be "
                    + "whsec_ followed by base64, like content-service's");
        }
        if (sendTimeout.compareTo(Duration.ofSeconds(20)) > 0) {
            throw new IllegalStateException("spaces.clients.content-events.timeout must be at most 20s (a send runs in "
                    + "the transaction that holds the batch's rows)");
        }
        state = "running";
        loop = new WakeupLoop("comment-event-relay", config.pollInterval(), this::runOnce).start();
        listener = new PgNotificationListener("comment-event-listen", dataSource::getConnection,
                List.of(OutboxStore.NOTIFY_CHANNEL), channel -> loop.wake()).start();
        LOG.info("Comment event relay started: delivering to content-service's /api/v1/webhooks/events");
    }

    /**
     * One round: sends batches until nothing is due or the receiver is unavailable. Safe to call from several
     * threads (each batch is its own transaction). Returns when the loop should look again at the latest.
     */
    public Duration runOnce() {
        Instant now = Instant.now();
        Instant hold = holdUntil;
        if (now.isBefore(hold)) {
            return Duration.between(now, hold);
        }
        try {
            OutboxBatch.Result result;
            do {
                result = batch.deliverDue(config.batchSize(), Instant.now().plus(ROUND_BUDGET), this::handle);
            } while (result.claimed() > 0 && !result.stopped());
        } finally {
            refreshStatus();
        }
        Instant nextHold = holdUntil;
        return Instant.now().isBefore(nextHold) ? Duration.between(Instant.now(), nextHold) : untilNextRetry;
    }

    private void refreshStatus() {
        OutboxBatch.Status status = batch.status();
        pending.set(status.pending());
        untilNextRetry = status.untilNextRetry().orElse(null);
    }

    private Verdict handle(PendingEvent pendingEvent) {
        OutboxEvent event = pendingEvent.event();
        String body = envelope(event);
        String webhookId = event.id().toString();
        long timestamp = Instant.now().getEpochSecond();
        Outcome outcome = sender.send(webhookId, timestamp, StandardWebhooks.sign(secret, webhookId, timestamp, body),
                body);
        if (outcome instanceof Outcome.Delivered) {
            recovered();
            delivered.increment();
            return new Verdict.Delivered();
        }
        if (outcome instanceof Outcome.Rejected r) {
            recovered();
            rejected.increment();
            String error = "content-service refused it with " + r.status() + (r.detail() == null ? "" : ": " + r.detail());
            lastError = error;
            LOG.errorf("Event %s (%s of %s %d) REJECTED by content-service's intake and taken out of the queue; "
                    + "see outbox_event.last_error. %s", webhookId, event.type(), event.aggregateType(),
                    event.aggregateId(), error);
            return new Verdict.Rejected(error);
        }
        String reason = ((Outcome.Unavailable) outcome).reason();
        int failures = consecutiveFailures.incrementAndGet();
        Duration wait = backoff.after(Math.max(failures, pendingEvent.attempts() + 1));
        holdUntil = Instant.now().plus(wait);
        unavailable.increment();
        lastError = reason;
        if (Integer.bitCount(failures) == 1) { // 1st, 2nd, 4th, 8th … failure in a row: enough to see it is stuck
            LOG.warnf("content-service did not take event %s (%s); %d failure(s) in a row, retrying in %d ms: %s",
                    webhookId, event.type(), failures, wait.toMillis(), reason);
        }
        return new Verdict.RetryLater(reason, wait);
    }

    private void recovered() {
        int failures = consecutiveFailures.getAndSet(0);
        if (failures > 0) {
            LOG.infof("content-service takes events again (after %d failed attempt(s))", failures);
        }
    }

    /** The same bytes on every attempt: built from the stored row only. */
    String envelope(OutboxEvent event) {
        try {
            return json.writeValueAsString(new EventEnvelope(event.type(), event.occurredAt(),
                    json.readTree(event.payload())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Outbox event " + event.id() + " has no valid JSON payload", e);
        }
    }

    /** For the health report. */
    public String state() {
        return state;
    }

    public long pending() {
        return pending.get();
    }

    public int consecutiveFailures() {
        return consecutiveFailures.get();
    }

    public String lastError() {
        return lastError;
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (listener != null) {
            listener.close();
        }
        if (loop != null) {
            loop.close();
        }
    }
}
