package dev.spaces.content.article.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.outbox.OutboxAppender;
import dev.spaces.content.article.Article;
import dev.spaces.content.article.ArticleRepository;
import dev.spaces.content.common.ContentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Writes article events in the caller's transaction, so an event exists exactly when its change committed. */
@ApplicationScoped
public class OutboxWriter {

    private final ArticleRepository articles;
    private final ObjectMapper mapper;
    private final ContentConfig config;

    public OutboxWriter(ArticleRepository articles, ObjectMapper mapper, ContentConfig config) {
        this.articles = articles;
        this.mapper = mapper;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void articleEvent(ArticleEventType type, Article article) {
        ArticleEventPayload payload = new ArticleEventPayload(1, article.id, article.version, article.slug,
                article.title, article.status.name(), article.publishedAt, article.updatedAt, article.authorId,
                article.category == null ? null : article.category.slug,
                article.tags.stream().map(t -> t.slug).toList(),
                article.series == null ? null : article.series.slug,
                config.siteUrl() + "/archives/" + article.id);
        OutboxAppender.append(articles.getEntityManager(), mapper, type.wireName(), "article", article.id,
                article.version, payload);
    }
}
