package dev.spaces.search.events;

import dev.spaces.commons.problem.ProblemException;
import dev.spaces.search.client.ContentDocuments;
import dev.spaces.search.client.SearchDocument;
import dev.spaces.search.service.ArticleIndexer;
import dev.spaces.search.service.DocumentMapper;
import dev.spaces.search.service.ElasticsearchStatus;
import dev.spaces.search.service.SearchUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.Optional;

/**
 * Applies a content event: fetches the article's current search document and indexes it (visible to the next
 * search), or removes the article when it is no longer published. Idempotent and order-insensitive: writes carry
 * the article version, so a late, older event changes nothing. Failures surface as 503 for the sender to retry.
 */
@ApplicationScoped
public class ContentEventHandler {

    private static final Logger LOG = Logger.getLogger(ContentEventHandler.class);

    private final ContentDocuments content;
    private final ArticleIndexer indexer;
    private final ElasticsearchStatus status;

    public ContentEventHandler(ContentDocuments content, ArticleIndexer indexer, ElasticsearchStatus status) {
        this.content = content;
        this.indexer = indexer;
        this.status = status;
    }

    public void handle(ContentEvent event) {
        if (!event.concernsArticles()) {
            return; // other event types are acknowledged and ignored
        }
        if (event.data() == null || event.data().id() == null || event.data().version() == null) {
            throw ProblemException.badRequest("The event names no article id and version");
        }
        long id = event.data().id();
        Optional<SearchDocument> current;
        try {
            current = content.document(id);
        } catch (ContentDocuments.ContentUnavailable e) {
            LOG.warnf("content-service unavailable for %s of article %d: %s", event.type(), id, e.getMessage());
            throw new ProblemException(503, "upstream-unavailable", "Service unavailable",
                    "The article cannot be fetched right now; deliver again later").withHeader("Retry-After", "5");
        }
        try {
            if (current.isPresent()) {
                indexer.index(DocumentMapper.toIndexed(current.get()), true);
            } else {
                indexer.delete(id, event.data().version(), true);
            }
        } catch (IOException | RuntimeException e) {
            status.failed(e);
            LOG.warnf("Could not apply %s of article %d: %s", event.type(), id, e.toString());
            throw SearchUnavailable.problem();
        }
    }
}
