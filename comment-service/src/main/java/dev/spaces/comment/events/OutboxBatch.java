package dev.spaces.comment.events;

import dev.spaces.comment.repository.OutboxRelayRepository;
import dev.spaces.comment.repository.OutboxRelayRepository.PendingEvent;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One relay transaction: claim due rows (locked until commit, so no other relay sends them meanwhile), send them
 * in order through the caller's handler, record each outcome, commit. A relay that dies mid-batch rolls back and
 * its rows are sent again by someone — at least once, under the same webhook-id, which the intake deduplicates.
 */
@ApplicationScoped
public class OutboxBatch {

    /** What to do with a row after trying to send it. */
    public sealed interface Verdict {
        record Delivered() implements Verdict {
        }

        record Rejected(String error) implements Verdict {
        }

        /** Keep it pending; the receiver is unavailable, so the rest of the batch is not tried either. */
        record RetryLater(String error, Duration retryIn) implements Verdict {
        }
    }

    @FunctionalInterface
    public interface Handler {
        Verdict handle(PendingEvent event);
    }

    /** @param stopped a row must be retried later (or the round's time ran out): the caller should pause */
    public record Result(int claimed, int delivered, int rejected, boolean stopped) {
    }

    public record Status(long pending, Optional<Duration> untilNextRetry) {
    }

    private final OutboxRelayRepository outbox;

    public OutboxBatch(OutboxRelayRepository outbox) {
        this.outbox = outbox;
    }

    /**
     * @param startNoneAfter rows not yet sent by then are left for the next transaction (they stay pending), which
     *                       keeps the transaction well inside its timeout when the receiver is slow
     */
    @Transactional
    @TransactionConfiguration(timeout = 120)
    public Result deliverDue(int limit, Instant startNoneAfter, Handler handler) {
        List<PendingEvent> due = outbox.claimDue(limit);
        List<UUID> delivered = new ArrayList<>();
        int rejected = 0;
        boolean stopped = false;
        for (PendingEvent event : due) {
            if (Instant.now().isAfter(startNoneAfter)) {
                stopped = true;
                break;
            }
            Verdict verdict = handler.handle(event);
            if (verdict instanceof Verdict.Delivered) {
                delivered.add(event.event().id());
            } else if (verdict instanceof Verdict.Rejected r) {
                outbox.rejected(event.event().id(), r.error());
                rejected++;
            } else if (verdict instanceof Verdict.RetryLater retry) {
                outbox.retryLater(event.event().id(), retry.error(), retry.retryIn());
                stopped = true;
                break;
            }
        }
        outbox.delivered(delivered);
        return new Result(due.size(), delivered.size(), rejected, stopped);
    }

    @Transactional
    public Status status() {
        return new Status(outbox.pendingCount(), outbox.untilNextRetry());
    }
}
