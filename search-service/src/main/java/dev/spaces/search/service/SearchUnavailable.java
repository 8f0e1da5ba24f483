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
}
