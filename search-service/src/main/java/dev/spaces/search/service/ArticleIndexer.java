package dev.spaces.search.service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import dev.spaces.search.config.ElasticsearchClients;
import dev.spaces.search.domain.IndexedArticle;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.List;

/**
 * Writes articles with Elasticsearch's external versioning ({@code external_gte} with the article's version): an
 * older version never overwrites a newer document nor resurrects a deleted one (deletes leave a versioned
 * tombstone), and the same version may be written again (idempotent redelivery, refreshed read counts).
 */
@ApplicationScoped
public class ArticleIndexer {

    private static final Logger LOG = Logger.getLogger(ArticleIndexer.class);
    private static final int CONFLICT = 409;

    private final ElasticsearchClient client;
    private final IndexLayout layout;
    private final SearchResultCache answers;

    public ArticleIndexer(ElasticsearchClients clients, IndexLayout layout, SearchResultCache answers) {
        this.client = clients.writes();
        this.layout = layout;
        this.answers = answers;
    }

    /** Indexes into every write target; {@code visibleNow} refreshes so that the next search sees it. */
    public void index(IndexedArticle article, boolean visibleNow) throws IOException {
        for (String target : layout.writeTargets()) {
            try {
                client.index(i -> i.index(target).id(Long.toString(article.id()))
                        .version(article.version()).versionType(VersionType.ExternalGte)
                        .refresh(visibleNow ? Refresh.True : Refresh.False)
                        .document(article));
            } catch (ElasticsearchException e) {
                if (e.status() != CONFLICT) {
                    throw e;
                }
                LOG.debugf("Article %s version %s is older than the indexed one in %s", article.id(), article.version(), target);
            }
        }
        answers.indexChanged();
    }

    /** Removes the article unless the index holds a version newer than {@code version}. */
    public void delete(long id, long version, boolean visibleNow) throws IOException {
        for (String target : layout.writeTargets()) {
            try {
                client.delete(d -> d.index(target).id(Long.toString(id))
                        .version(version).versionType(VersionType.ExternalGte)
                        .refresh(visibleNow ? Refresh.True : Refresh.False));
            } catch (ElasticsearchException e) {
                if (e.status() != CONFLICT) {
                    throw e;
                }
                LOG.debugf("Not deleting article %s: %s holds a version newer than %s", Long.valueOf(id), target, Long.valueOf(version));
            }
        }
        answers.indexChanged();
    }

    /** Bulk-indexes into one index (a rebuild) or the write targets; version conflicts are expected and skipped. */
    public void bulk(List<IndexedArticle> articles, String index) throws IOException {
        if (articles.isEmpty()) {
            return;
        }
        List<String> targets = index == null ? layout.writeTargets() : List.of(index);
        List<BulkOperation> operations = articles.stream()
                .flatMap(article -> targets.stream().map(target -> BulkOperation.of(op -> op.index(i -> i
                        .index(target).id(Long.toString(article.id()))
                        .version(article.version()).versionType(VersionType.ExternalGte)
                        .document(article)))))
                .toList();
        // writes to the searched index are visible when they return (the result cache relies on it); a rebuild's are not
        BulkResponse response = client.bulk(b -> b.operations(operations).refresh(index == null ? Refresh.True : Refresh.False));
        if (index == null) { // a rebuild's index is not searched until the swap, which changes the generation
            answers.indexChanged();
        }
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null && item.status() != CONFLICT) {
                    throw new IOException("Bulk indexing failed for article " + item.id() + ": " + item.error().type());
                }
            }
        }
    }

    /** Bulk deletes (reconcile), each at the version the index holds, so a concurrent newer write wins. */
    public void bulkDelete(List<long[]> idsAndVersions) throws IOException {
        if (idsAndVersions.isEmpty()) {
            return;
        }
        List<String> targets = layout.writeTargets();
        List<BulkOperation> operations = idsAndVersions.stream()
                .flatMap(pair -> targets.stream().map(target -> BulkOperation.of(op -> op.delete(d -> d
                        .index(target).id(Long.toString(pair[0])).version(pair[1]).versionType(VersionType.ExternalGte)))))
                .toList();
        BulkResponse response = client.bulk(b -> b.operations(operations).refresh(Refresh.True));
        answers.indexChanged();
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null && item.status() != CONFLICT && item.status() != 404) {
                    throw new IOException("Bulk delete failed for article " + item.id() + ": " + item.error().type());
                }
            }
        }
    }

    public void refresh() throws IOException {
        client.indices().refresh(r -> r.index(layout.alias()));
    }
}
