package dev.spaces.content.article;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Brings articles rendered by an older version of the Markdown pipeline up to date in the background, a batch per
 * transaction, until none is left; then it only checks, once a minute by default. After an upgrade that changes the
 * rendering (MarkdownPipeline.VERSION) readers get the new HTML without an operator's step, and a large blog never
 * holds one long transaction. A replica that finds nothing costs one indexed-size query.
 */
@ApplicationScoped
public class ArticleRerenderer {

    private static final Logger LOG = Logger.getLogger(ArticleRerenderer.class);
    /** Articles per transaction: a long chapter takes ~100 ms to render cold, so a batch holds its locks ~1–2 s. */
    static final int BATCH = 16;

    private final ArticleService articles;

    public ArticleRerenderer(ArticleService articles) {
        this.articles = articles;
    }

    @Scheduled(every = "${spaces.content.rerender-interval:60s}", delayed = "${spaces.content.rerender-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rerenderOutdated() {
        int total = 0;
        int batch;
        do {
            batch = articles.rerenderOutdated(BATCH);
            total += batch;
        } while (batch == BATCH);
        if (total > 0) {
            LOG.infof("Re-rendered %d article(s) written by an older renderer", total);
        }
    }
}
