package dev.spaces.search.service;

import dev.spaces.commons.problem.ProblemException;
import dev.spaces.search.client.ContentDocuments;
import dev.spaces.search.client.DocumentPage;
import dev.spaces.search.client.VersionPage;
import dev.spaces.search.config.SearchConfig;
import dev.spaces.search.domain.IndexedArticle;
import dev.spaces.search.domain.ReindexJob;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds the index from content-service into {@code articles_v<N+1>} in the background, then swaps the alias
 * atomically. Searches keep reading the old index meanwhile; events keep writing to both (see
 * {@link IndexLayout#writeTargets()}), and the bulk load uses external versions, so neither overwrites the other
 * with something older. The new index loads with refreshing off, which is restored before the swap.
 */
@ApplicationScoped
public class ReindexService {

    private static final Logger LOG = Logger.getLogger(ReindexService.class);

    private final ContentDocuments content;
    private final ArticleIndexer indexer;
    private final IndexLayout layout;
    private final SearchConfig config;
    private final Map<String, ReindexJob> jobs = new ConcurrentHashMap<>();
    private static final Duration AUTOMATIC_RETRY = Duration.ofMinutes(1);

    private volatile ReindexJob running;
    private volatile long lastAutomaticStart;

    public ReindexService(ContentDocuments content, ArticleIndexer indexer, IndexLayout layout, SearchConfig config) {
        this.content = content;
        this.indexer = indexer;
        this.layout = layout;
        this.config = config;
    }

    /** Starts a rebuild; 409 while another one runs. */
    public synchronized ReindexJob start() {
        if (running != null && running.state() == ReindexJob.State.RUNNING) {
            throw ProblemException.conflict("A reindex is already running: " + running.id());
        }
        String target;
        try {
            layout.ensureExists();
            target = layout.nextIndexName();
            layout.create(target, true);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Cannot start a reindex: %s", e.toString());
            throw SearchUnavailable.problem();
        }
        ReindexJob job = new ReindexJob(UUID.randomUUID().toString(), target);
        jobs.put(job.id(), job);
        running = job;
        layout.startBuilding(target);
        Thread.ofVirtual().name("reindex-" + target).start(() -> build(job));
        return job;
    }

    /**
     * Rebuilds when the index behind the alias was created with another release's mapping, so that an upgrade needs
     * no operator step. Skipped while any rebuild runs here or a newer index exists (another replica's rebuild, or a
     * failed one's leftover: {@code POST /api/v1/search/reindex} replaces it).
     */
    public synchronized Optional<ReindexJob> startIfMappingChanged() throws IOException {
        if (running != null && running.state() == ReindexJob.State.RUNNING) {
            return Optional.empty();
        }
        if (layout.activeMappingIsCurrent()) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        if (now - lastAutomaticStart < AUTOMATIC_RETRY.toMillis()) { // a failed attempt (content-service down) waits
            return Optional.empty();
        }
        List<String> newer = layout.newerThanActive();
        if (!newer.isEmpty()) {
            LOG.infof("The index mapping changed, but %s already exists: not starting another rebuild", newer);
            return Optional.empty();
        }
        LOG.info("The index was created with an older mapping: rebuilding it in the background");
        lastAutomaticStart = now;
        return Optional.of(start());
    }

    public Optional<ReindexJob> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void build(ReindexJob job) {
        try {
            job.total(countPublished());
            long after = 0;
            while (true) {
                DocumentPage page = content.documents(after, config.reindex().pageSize());
                List<IndexedArticle> batch = page.items().stream().map(DocumentMapper::toIndexed).toList();
                indexer.bulk(batch, job.targetIndex());
                job.advance(batch.size());
                if (page.next() == null || page.items().isEmpty()) {
                    break;
                }
                after = page.next();
            }
            layout.swapTo(job.targetIndex());
            layout.stopBuilding();
            job.succeed();
            LOG.infof("Reindex %s built %s with %d articles at %.0f/s", job.id(), job.targetIndex(), job.processed(), job.rate());
        } catch (IOException | RuntimeException e) {
            layout.stopBuilding();
            layout.drop(job.targetIndex());
            job.fail(e instanceof ContentDocuments.ContentUnavailable ? "content-service unavailable" : "Elasticsearch failed");
            LOG.warnf("Reindex %s failed: %s", job.id(), e.toString());
        }
    }

    private long countPublished() {
        long count = 0;
        long after = 0;
        while (true) {
            VersionPage page = content.versions(after, config.reconcile().versionPageSize());
            count += page.items().size();
            if (page.next() == null || page.items().isEmpty()) {
                return count;
            }
            after = page.next();
        }
    }

}
