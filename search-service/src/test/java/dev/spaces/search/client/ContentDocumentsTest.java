package dev.spaces.search.client;

import dev.spaces.commons.client.CallPolicy;
import dev.spaces.search.config.ClientsConfig;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The event lookups and the reconcile feed trip their circuit breakers independently. */
class ContentDocumentsTest {

    /** content-service's feed refuses connections (as while it starts); single documents answer. */
    static final class StartingContent implements ContentClient {
        final AtomicInteger documentCalls = new AtomicInteger();

        @Override
        public Response document(long id) {
            documentCalls.incrementAndGet();
            return Response.status(404).build();
        }

        @Override
        public DocumentPage documents(long after, int size) {
            throw new ProcessingException("Connection refused");
        }

        @Override
        public VersionPage versions(long after, int size) {
            throw new ProcessingException("Connection refused");
        }
    }

    /** The numbers application.properties gives both calls (the defaults of CallPolicy, 10 s per attempt). */
    static final class Clients implements ClientsConfig {
        static final CallPolicy POLICY = new CallPolicy() {
            public Duration timeout() { return Duration.ofSeconds(10); }
            public int retries() { return 2; }
            public Duration retryDelay() { return Duration.ofMillis(100); }
            public Duration retryJitter() { return Duration.ofMillis(50); }
            public Breaker breaker() {
                return new Breaker() {
                    public int requestVolume() { return 10; }
                    public double failureRatio() { return 0.5; }
                    public Duration delay() { return Duration.ofSeconds(5); }
                };
            }
        };

        @Override
        public CallPolicy contentDocuments() {
            return POLICY;
        }

        @Override
        public CallPolicy contentFeed() {
            return POLICY;
        }
    }

    @Test
    void failedReconcilesDoNotOpenTheBreakerOfEventLookups() {
        StartingContent content = new StartingContent();
        ContentDocuments documents = new ContentDocuments(content, new Clients());
        // enough failing feed calls (3 attempts each) to fill and open a breaker's window of 10
        for (int i = 0; i < 4; i++) {
            assertThrows(ContentDocuments.ContentUnavailable.class, () -> documents.versions(0, 100));
        }
        assertThrows(ContentDocuments.ContentUnavailable.class, () -> documents.documents(0, 100));

        for (long id = 1; id <= 12; id++) {
            assertTrue(documents.document(id).isEmpty(), "a 404 means: not published");
        }
        assertEquals(12, content.documentCalls.get(), "every lookup reached content-service");
    }
}
