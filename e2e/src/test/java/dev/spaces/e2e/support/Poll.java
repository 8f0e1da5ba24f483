package dev.spaces.e2e.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a condition holds or a deadline passes: the suite never sleeps in the hope that work is done. */
public final class Poll {

    private Poll() {
    }

    /** What the probe returned when the condition held, and how long that took. */
    public record Outcome<T>(T value, Duration elapsed) {
    }

    public static <T> Outcome<T> until(String what, Duration deadline, Duration interval, Supplier<T> probe,
                                       Predicate<? super T> done) {
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        T last = null;
        RuntimeException lastError = null;
        while (true) {
            try {
                last = probe.get();
                lastError = null;
                if (done.test(last)) {
                    return new Outcome<>(last, Duration.ofNanos(System.nanoTime() - start));
                }
            } catch (RuntimeException e) {
                lastError = e; // e.g. a connection refused while a component restarts
            }
            if (System.nanoTime() >= end) {
                AssertionError failure = new AssertionError(what + ": not within " + deadline + "; last seen: "
                        + (lastError != null ? lastError : describe(last)));
                if (lastError != null) {
                    failure.initCause(lastError);
                }
                throw failure;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(interval.toMillis(), (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    private static String describe(Object value) {
        if (value instanceof io.restassured.response.Response r) {
            String body = r.asString();
            return r.statusCode() + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        }
        return String.valueOf(value);
    }
}
