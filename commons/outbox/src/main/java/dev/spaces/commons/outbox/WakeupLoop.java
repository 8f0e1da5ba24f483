package dev.spaces.commons.outbox;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A background loop that runs its work as soon as it is woken (a database notification, a local commit) and
 * otherwise at least every {@code fallback}, so nothing waits for a poll interval but a lost notification costs at
 * most one interval. The work returns how soon it wants to run again (a retry falling due), or null.
 * Wake-ups that arrive while the work runs are not lost: the work runs once more right after.
 */
public final class WakeupLoop implements AutoCloseable {

    /** One round of work; returns when to run again at the latest, or null for "at the fallback interval". */
    @FunctionalInterface
    public interface Work {
        Duration runOnce() throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(WakeupLoop.class);

    private final String name;
    private final Work work;
    private final Duration fallback;
    private final Duration errorPause;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private final Thread thread;
    private boolean woken;
    private volatile boolean running = true;

    public WakeupLoop(String name, Duration fallback, Work work) {
        this.name = name;
        this.work = work;
        this.fallback = fallback;
        this.errorPause = fallback.compareTo(Duration.ofSeconds(1)) < 0 ? fallback : Duration.ofSeconds(1);
        this.thread = Thread.ofPlatform().name(name).daemon().unstarted(this::loop);
    }

    public WakeupLoop start() {
        thread.start();
        return this;
    }

    public void wake() {
        lock.lock();
        try {
            woken = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (running) {
            Duration next;
            try {
                next = work.runOnce();
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warnf("%s failed, retrying in %s: %s", name, errorPause, e.toString());
                next = errorPause;
            }
            awaitWake(next == null || next.compareTo(fallback) > 0 ? fallback : next);
        }
    }

    private void awaitWake(Duration timeout) {
        lock.lock();
        try {
            long nanos = Math.max(0, timeout.toNanos());
            while (!woken && running && nanos > 0) {
                nanos = signal.awaitNanos(nanos);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
