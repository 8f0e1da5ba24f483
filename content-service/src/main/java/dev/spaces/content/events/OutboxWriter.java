package dev.spaces.content.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.content.config.ContentConfig;
import dev.spaces.content.domain.Article;
import dev.spaces.content.domain.OutboxEvent;
import dev.spaces.content.domain.Tag;
import dev.spaces.content.repository.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** Writes events in the caller's transaction, so an event exists exactly when its change was committed. */
@ApplicationScoped
public class OutboxWriter {

    private final OutboxRepository outbox;
    private final ObjectMapper mapper;
    private final ContentConfig config;

    public OutboxWriter(OutboxRepository outbox, ObjectMapper mapper, ContentConfig config) {
        this.outbox = outbox;
        this.mapper = mapper;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void articleEvent(ArticleEventType type, Article article) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.type = type.wireName();
        event.aggregateType = "article";
        event.aggregateId = article.id;
        event.aggregateVersion = article.version;
        event.occurredAt = Instant.now();
        event.payload = mapper.valueToTree(new ArticleEventPayload(1, article.id, article.version, article.slug,
                article.title, article.status.name(), article.publishedAt, article.updatedAt, article.authorId,
                article.category == null ? null : article.category.slug,
                article.tags.stream().map(t -> t.slug).toList(),
                article.series == null ? null : article.series.slug,
                config.siteUrl() + "/archives/" + article.id));
        outbox.persist(event);
    }
}
