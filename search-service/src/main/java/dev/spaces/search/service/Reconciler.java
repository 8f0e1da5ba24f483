package dev.spaces.search.service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.spaces.search.client.ContentDocuments;
import dev.spaces.search.client.DocumentPage;
import dev.spaces.search.client.SearchDocument;
import dev.spaces.search.client.VersionPage;
import dev.spaces.search.config.ElasticsearchClients;
import dev.spaces.search.config.SearchConfig;
import dev.spaces.search.domain.IndexedArticle;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Diff and sync (Gentics Mesh's model): lists {id → version, reads} from content-service and from the index,
 * indexes what is missing or older, deletes what is no longer published, and rewrites documents whose read
 * counts drifted. The safety net behind events: run on start, periodically and when Elasticsearch comes back.
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);
    /** Above this many stale documents, paging through the feed beats fetching them one by one. */
    private static final int FETCH_ONE_BY_ONE_LIMIT = 50;
    private static final int INDEX_PAGE = 2_000;
    private static final int BULK = 200;

    private final ElasticsearchClient client;
    private final ContentDocuments content;
    private final ArticleIndexer indexer;
    private final IndexLayout layout;
    private final SearchConfig config;
    private final ReentrantLock running = new ReentrantLock();

    public Reconciler(ElasticsearchClients clients, ContentDocuments content, ArticleIndexer indexer, IndexLayout layout,
                      SearchConfig config) {
        this.client = clients.writes();
        this.content = content;
        this.indexer = indexer;
        this.layout = layout;
        this.config = config;
    }

    /** What one run changed. */
    public record Report(int indexed, int deleted, int readsUpdated, int published) {
    }

    /** Runs once; a run already in progress makes this one a no-op (empty). */
    public Optional<Report> run() throws IOException {
        if (!running.tryLock()) {
            return Optional.empty();
        }
        try {
            layout.ensureExists();
            // the index first: an article published (and indexed by its event) between the two reads is then
            // merely "missing" and fetched again, rather than "extra" and deleted
            Map<Long, long[]> indexed = indexedVersions();
            Map<Long, VersionPage.Entry> published = publishedVersions();
            Set<Long> stale = new HashSet<>();
            List<VersionPage.Entry> readsDrifted = new ArrayList<>();
            for (VersionPage.Entry entry : published.values()) {
                long[] held = indexed.get(entry.id());
                if (held == null || held[0] < entry.version()) {
                    stale.add(entry.id());
                } else if (held[1] != entry.reads()) {
                    readsDrifted.add(entry);
                }
            }
            List<long[]> gone = new ArrayList<>();
            indexed.forEach((id, held) -> {
                if (!published.containsKey(id)) {
                    gone.add(new long[]{id, held[0]});
                }
            });
            int indexedCount = reindex(stale);
            for (int i = 0; i < gone.size(); i += BULK) {
                indexer.bulkDelete(gone.subList(i, Math.min(gone.size(), i + BULK)));
            }
            int readsUpdated = refreshReads(readsDrifted);
            if (indexedCount + gone.size() + readsUpdated > 0) {
                indexer.refresh();
            }
            Report report = new Report(indexedCount, gone.size(), readsUpdated, published.size());
            LOG.infof("Reconciled %d published articles: %d indexed, %d deleted, %d read counts updated",
                    report.published(), report.indexed(), report.deleted(), report.readsUpdated());
            return Optional.of(report);
        } finally {
            running.unlock();
        }
    }

    private Map<Long, VersionPage.Entry> publishedVersions() {
        Map<Long, VersionPage.Entry> versions = new HashMap<>();
        long after = 0;
        while (true) {
            VersionPage page = content.versions(after, config.reconcile().versionPageSize());
            page.items().forEach(entry -> versions.put(entry.id(), entry));
            if (page.next() == null || page.items().isEmpty()) {
                return versions;
            }
            after = page.next();
        }
    }

    /** id → {version, reads} of every indexed article, read in id order with search_after. */
    private Map<Long, long[]> indexedVersions() throws IOException {
        Map<Long, long[]> versions = new HashMap<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<IndexedArticle> page = client.search(s -> {
                s.index(layout.alias()).size(INDEX_PAGE).version(true)
                        .source(src -> src.filter(f -> f.includes("reads")))
                        .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                return searchAfter == null ? s : s.searchAfter(searchAfter);
            }, IndexedArticle.class);
            List<Hit<IndexedArticle>> hits = page.hits().hits();
            for (Hit<IndexedArticle> hit : hits) {
                long reads = hit.source() == null ? 0 : hit.source().reads();
                versions.put(Long.parseLong(hit.id()), new long[]{hit.version() == null ? 0 : hit.version(), reads});
            }
            if (hits.size() < INDEX_PAGE) {
                return versions;
            }
            after = hits.getLast().sort();
        }
    }

    private int reindex(Set<Long> stale) throws IOException {
        if (stale.isEmpty()) {
            return 0;
        }
        List<IndexedArticle> batch = new ArrayList<>();
        int count = 0;
        if (stale.size() <= FETCH_ONE_BY_ONE_LIMIT) {
            for (long id : stale) {
                Optional<SearchDocument> document = content.document(id);
                if (document.isPresent()) {
                    batch.add(DocumentMapper.toIndexed(document.get()));
                }
            }
            indexer.bulk(batch, null);
            return batch.size();
        }
        long after = 0;
        while (true) {
            DocumentPage page = content.documents(after, config.reindex().pageSize());
            for (SearchDocument document : page.items()) {
                if (stale.contains(document.id())) {
                    batch.add(DocumentMapper.toIndexed(document));
                }
            }
            if (batch.size() >= BULK || page.next() == null || page.items().isEmpty()) {
                indexer.bulk(batch, null);
                count += batch.size();
                batch.clear();
            }
            if (page.next() == null || page.items().isEmpty()) {
                return count;
            }
            after = page.next();
        }
    }

    /** Rewrites stored documents with new read counts at their own version (a newer concurrent write wins). */
    private int refreshReads(List<VersionPage.Entry> drifted) throws IOException {
        int count = 0;
        for (int i = 0; i < drifted.size(); i += BULK) {
            List<VersionPage.Entry> slice = drifted.subList(i, Math.min(drifted.size(), i + BULK));
            Map<String, Long> reads = new HashMap<>();
            slice.forEach(e -> reads.put(Long.toString(e.id()), e.reads()));
            var found = client.mget(m -> m.index(layout.alias()).ids(List.copyOf(reads.keySet())), IndexedArticle.class);
            List<IndexedArticle> updated = new ArrayList<>();
            for (var doc : found.docs()) {
                if (doc.isResult() && doc.result().found() && doc.result().source() != null) {
                    IndexedArticle stored = doc.result().source();
                    updated.add(stored.withReads(reads.get(doc.result().id())));
                }
            }
            indexer.bulk(updated, null);
            count += updated.size();
        }
        return count;
    }
}
