package dev.spaces.content.article;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/** Publishes scheduled articles on time. State lives in the database, so restarts lose nothing. */
@ApplicationScoped
public class ScheduledPublisher {

    private static final Logger LOG = Logger.getLogger(ScheduledPublisher.class);

    private final ArticleService articles;

    public ScheduledPublisher(ArticleService articles) {
        this.articles = articles;
    }

    @Scheduled(every = "${spaces.content.scheduler-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishDue() {
        int published = articles.publishDue(Instant.now());
        if (published > 0) {
            LOG.infof("Published %d scheduled article(s)", published);
        }
    }
}
