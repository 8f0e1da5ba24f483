package dev.spaces.comment.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Brings comments rendered by an older renderer or comment policy ({@link CommentRenderer#VERSION}) up to date in the
 * background, a batch per transaction, until none is left; then it only checks, once a minute by default. After an
 * upgrade readers get the new HTML (round 2: formulas as MathML) without an admin calling
 * {@code POST /moderation/rerender}, which stays for doing it at once.
 */
@ApplicationScoped
public class CommentRerenderer {

    private static final Logger LOG = Logger.getLogger(CommentRerenderer.class);
    static final int BATCH = 100;

    private final ModerationService moderation;
    private final CommentRenderer renderer;

    public CommentRerenderer(ModerationService moderation, CommentRenderer renderer) {
        this.moderation = moderation;
        this.renderer = renderer;
    }

    @Scheduled(every = "${spaces.comments.rerender-interval:60s}", delayed = "${spaces.comments.rerender-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rerenderOutdated() {
        int total = 0;
        int batch;
        do {
            batch = moderation.rerenderOutdated(renderer, BATCH);
            total += batch;
        } while (batch == BATCH);
        if (total > 0) {
            LOG.infof("Re-rendered %d comment(s) written by an older renderer", total);
        }
    }
}
