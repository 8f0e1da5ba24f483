package dev.spaces.search.client;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

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

    @Test
    void failedReconcilesDoNotOpenTheBreakerOfEventLookups() {
        StartingContent content = new StartingContent();
        ContentDocuments documents = new ContentDocuments(content);
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
