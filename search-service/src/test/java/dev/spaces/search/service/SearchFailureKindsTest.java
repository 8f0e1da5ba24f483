package dev.spaces.search.service;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failed searches mark Elasticsearch down (and so reconcile the index once it answers again). */
class SearchFailureKindsTest {

    @Test
    void aNodeThatCannotBeReachedIsMarkedDown() {
        assertThat(SearchService.unreachable(new SearchService.Unavailable("java.net.ConnectException: Connection refused")))
                .isTrue();
        assertThat(SearchService.unreachable(new IllegalStateException("no index"))).isTrue();
    }

    @Test
    void aSlowNodeOrOurOwnOpenBreakerIsNot() {
        assertThat(SearchService.unreachable(new SearchService.Unavailable("java.net.SocketTimeoutException", true)))
                .isFalse();
        assertThat(SearchService.unreachable(new CircuitBreakerOpenException("open"))).isFalse();
    }
}
