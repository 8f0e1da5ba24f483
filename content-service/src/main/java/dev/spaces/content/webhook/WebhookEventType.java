package dev.spaces.content.webhook;

import dev.spaces.content.article.events.ArticleEventPayload;
import dev.spaces.content.page.events.PageEventPayload;
import dev.spaces.content.site.events.SiteEventPayload;
import dev.spaces.content.webhook.intake.CommentEventPayload;
import dev.spaces.content.webhook.intake.MemberEventPayload;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The webhook event catalogue. Article, page and site events originate here; comment and member events come from comment-service
 * through {@code POST /api/v1/webhooks/events} and are relayed through the same outbox. {@code webhook.ping} is sent
 * on request only and cannot be subscribed to.
 */
public enum WebhookEventType {
    ARTICLE_PUBLISHED("article.published", "article", ArticleEventPayload.class, Origin.CONTENT),
    ARTICLE_UPDATED("article.updated", "article", ArticleEventPayload.class, Origin.CONTENT),
    ARTICLE_UNPUBLISHED("article.unpublished", "article", ArticleEventPayload.class, Origin.CONTENT),
    ARTICLE_DELETED("article.deleted", "article", ArticleEventPayload.class, Origin.CONTENT),
    PAGE_PUBLISHED("page.published", "page", PageEventPayload.class, Origin.CONTENT),
    PAGE_UPDATED("page.updated", "page", PageEventPayload.class, Origin.CONTENT),
    PAGE_UNPUBLISHED("page.unpublished", "page", PageEventPayload.class, Origin.CONTENT),
    PAGE_DELETED("page.deleted", "page", PageEventPayload.class, Origin.CONTENT),
    SITE_UPDATED("site.updated", "site", SiteEventPayload.class, Origin.CONTENT),
    COMMENT_CREATED("comment.created", "comment", CommentEventPayload.class, Origin.RELAYED),
    COMMENT_APPROVED("comment.approved", "comment", CommentEventPayload.class, Origin.RELAYED),
    COMMENT_REPLIED("comment.replied", "comment", CommentEventPayload.class, Origin.RELAYED),
    COMMENT_UPDATED("comment.updated", "comment", CommentEventPayload.class, Origin.RELAYED),
    COMMENT_REJECTED("comment.rejected", "comment", CommentEventPayload.class, Origin.RELAYED),
    COMMENT_DELETED("comment.deleted", "comment", CommentEventPayload.class, Origin.RELAYED),
    MEMBER_CREATED("member.created", "member", MemberEventPayload.class, Origin.RELAYED),
    WEBHOOK_PING("webhook.ping", "webhook", PingPayload.class, Origin.ON_REQUEST);

    public enum Origin { CONTENT, RELAYED, ON_REQUEST }

    private final String wireName;
    private final String aggregateType;
    private final Class<? extends Record> payload;
    private final Origin origin;

    WebhookEventType(String wireName, String aggregateType, Class<? extends Record> payload, Origin origin) {
        this.wireName = wireName;
        this.aggregateType = aggregateType;
        this.payload = payload;
        this.origin = origin;
    }

    public String wireName() {
        return wireName;
    }

    public String aggregateType() {
        return aggregateType;
    }

    public Class<? extends Record> payload() {
        return payload;
    }

    public Origin origin() {
        return origin;
    }

    public boolean subscribable() {
        return origin != Origin.ON_REQUEST;
    }

    public static Optional<WebhookEventType> byWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    /** What comment-service may post to the intake, by wire name. */
    public static List<String> relayedNames() {
        return Arrays.stream(values()).filter(t -> t.origin == Origin.RELAYED).map(WebhookEventType::wireName).toList();
    }

    public static List<String> subscribableNames() {
        return Arrays.stream(values()).filter(WebhookEventType::subscribable).map(WebhookEventType::wireName).toList();
    }
}
