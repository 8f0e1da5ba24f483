package dev.spaces.content.reads;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.commons.text.Digests;
import dev.spaces.content.article.ArticleRepository;
import dev.spaces.content.article.ArticleStatus;
import dev.spaces.content.common.ContentConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * Counts reads. A visitor (hash of address and user agent, never stored raw) counts once per article per
 * window; bots never. Counts are buffered in memory and flushed in one statement per article, so a burst of
 * views does not become a burst of row locks.
 */
@ApplicationScoped
public class ReadCounter {

    private static final Logger LOG = Logger.getLogger(ReadCounter.class);

    private final ArticleRepository articles;
    private final ContentConfig config;
    private final Pattern bots;
    private final Cache<String, Boolean> recentVisitors;
    private final Cache<Long, Boolean> publishedArticles;
    private final Map<Long, LongAdder> pending = new ConcurrentHashMap<>();

    public ReadCounter(ArticleRepository articles, ContentConfig config) {
        this.articles = articles;
        this.config = config;
        this.bots = Pattern.compile(config.views().botPattern());
        this.recentVisitors = Caffeine.newBuilder().expireAfterWrite(config.views().dedupWindow())
                .maximumSize(2_000_000).build();
        this.publishedArticles = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(10))
                .maximumSize(100_000).build();
    }

    /** @return whether this view was counted */
    public boolean record(long articleId, String clientAddress, String userAgent) {
        if (!isPublished(articleId)) {
            throw ProblemException.notFound("Article " + articleId);
        }
        if (userAgent == null || userAgent.isBlank() || bots.matcher(userAgent).matches()) {
            return false;
        }
        String visitor = articleId + ":" + Digests.sha256Hex(clientAddress + "\n" + userAgent, 12);
        if (recentVisitors.asMap().putIfAbsent(visitor, Boolean.TRUE) != null) {
            return false;
        }
        pending.computeIfAbsent(articleId, id -> new LongAdder()).increment();
        return true;
    }

    @Scheduled(every = "${spaces.content.views.flush-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @PreDestroy
    public void flush() {
        LocalDate today = LocalDate.now(config.timeZone());
        for (Long articleId : pending.keySet()) {
            LongAdder adder = pending.remove(articleId);
            long reads = adder == null ? 0 : adder.sumThenReset();
            if (reads == 0) {
                continue;
            }
            try {
                QuarkusTransaction.requiringNew().run(() -> articles.addReads(articleId, reads, today));
            } catch (RuntimeException e) {
                // Keep the counts for the next flush rather than losing them.
                pending.computeIfAbsent(articleId, id -> new LongAdder()).add(reads);
                LOG.warnf("Could not flush %d reads of article %d: %s", reads, articleId, e.getMessage());
            }
        }
    }

    private boolean isPublished(long articleId) {
        return publishedArticles.get(articleId, id -> QuarkusTransaction.requiringNew().call(
                () -> articles.count("id = ?1 and status = ?2", id, ArticleStatus.PUBLISHED) > 0));
    }
}
