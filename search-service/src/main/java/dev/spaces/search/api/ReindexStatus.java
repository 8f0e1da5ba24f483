package dev.spaces.search.api;

import java.time.Instant;

/** Progress of a rebuild: documents per second and the estimated seconds left (null before the first page). */
public record ReindexStatus(String jobId, String state, String index, long processed, long total, double rate,
                           Long etaSeconds, Instant startedAt, Instant finishedAt, String error) {
}
