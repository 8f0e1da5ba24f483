package dev.spaces.search.service;

import dev.spaces.commons.problem.ProblemException;

/** Elasticsearch cannot answer (down, timing out, breaker open): 503 so that clients and webhook senders retry. */
public final class SearchUnavailable {

    private SearchUnavailable() {
    }

    public static ProblemException problem() {
        return new ProblemException(503, "search-unavailable", "Search unavailable",
                "Search is temporarily unavailable; try again shortly").withHeader("Retry-After", "5");
    }

    /** More searches waiting for Elasticsearch than it can take: shed quickly rather than time out together. */
    public static ProblemException busy() {
        return new ProblemException(503, "search-busy", "Search busy",
                "Too many searches are running; try again shortly").withHeader("Retry-After", "1");
    }
}
