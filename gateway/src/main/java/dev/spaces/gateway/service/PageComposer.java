package dev.spaces.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.problem.ProblemException;
import dev.spaces.gateway.client.UpstreamClients;
import dev.spaces.gateway.client.UpstreamFailure;
import dev.spaces.gateway.config.GatewayConfig;
import dev.spaces.gateway.domain.RouteClass;
import dev.spaces.gateway.domain.Upstream;
import dev.spaces.gateway.api.ArticlePage;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Composes an article page from three upstream calls made in parallel: the article (content-service, which also
 * carries the series' previous/next), its approved comment count (comment-service {@code /comments/counts}) and
 * related articles (content-service {@code /articles/{id}/related}). Only the article is essential.
 */
@ApplicationScoped
public class PageComposer {

    private static final Logger LOG = Logger.getLogger(PageComposer.class);

    private final UpstreamClients clients;
    private final GatewayConfig config;
    private final ObjectMapper json;

    public PageComposer(UpstreamClients clients, GatewayConfig config, ObjectMapper json) {
        this.clients = clients;
        this.config = config;
        this.json = json;
    }

    /** A failed article fetch fails the page: with the upstream's own status (e.g. 404), or 502/503/504. */
    public Future<Composed> compose(long id, String authorization, String requestId) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().set("Accept", "application/json");
        if (authorization != null) {
            headers.set("Authorization", authorization); // drafts for their authors, as the services decide
        }
        if (requestId != null) {
            headers.set("X-Request-Id", requestId);
        }
        Duration timeout = config.routeClass(RouteClass.READS).timeout();
        Future<UpstreamClients.Reply> article = clients.get(Upstream.CONTENT, "/api/v1/articles/" + id, headers, timeout);
        Future<UpstreamClients.Reply> counts = clients.get(Upstream.COMMENT, "/api/v1/comments/counts?articleIds=" + id,
                headers, timeout);
        Future<UpstreamClients.Reply> related = clients.get(Upstream.CONTENT,
                "/api/v1/articles/" + id + "/related?limit=" + config.page().relatedLimit(), headers, timeout);
        return Future.join(article, counts, related).transform(ignored -> {
            if (article.failed()) {
                UpstreamFailure failure = UpstreamFailure.of(article.cause());
                return Future.failedFuture(new ProblemException(failure.status(), failure.type(), failure.title(),
                        "The article could not be fetched from content-service"));
            }
            UpstreamClients.Reply articleReply = article.result();
            if (articleReply.status() != 200) {
                return Future.succeededFuture(Composed.passThrough(articleReply));
            }
            JsonNode articleNode = parse(articleReply);
            if (articleNode == null) {
                return Future.failedFuture(new ProblemException(502, "bad-gateway", "Bad gateway",
                        "content-service sent an unreadable article"));
            }
            List<String> degraded = new ArrayList<>();
            Long commentCount = commentCount(counts, id);
            if (commentCount == null) {
                degraded.add("commentCount");
            }
            JsonNode relatedNode = related.succeeded() && related.result().status() == 200 ? parse(related.result()) : null;
            if (relatedNode == null || !relatedNode.isArray()) {
                relatedNode = null;
                degraded.add("related");
            }
            JsonNode series = articleNode.get("series");
            if (series != null && series.isNull()) {
                series = null;
            }
            if (!degraded.isEmpty()) {
                LOG.infof("Article page %d degraded: %s", id, degraded);
            }
            return Future.succeededFuture(Composed.page(
                    new ArticlePage(articleNode, series, commentCount, relatedNode, List.copyOf(degraded))));
        });
    }

    private Long commentCount(Future<UpstreamClients.Reply> counts, long id) {
        if (counts.failed() || counts.result().status() != 200) {
            return null;
        }
        JsonNode node = parse(counts.result());
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode count = node.get(Long.toString(id));
        return count == null ? 0L : (count.canConvertToLong() ? count.asLong() : null);
    }

    private JsonNode parse(UpstreamClients.Reply reply) {
        try {
            return json.readTree(reply.body().getBytes());
        } catch (IOException e) {
            return null;
        }
    }

    /** Either a composed page or the article's non-200 answer to pass on unchanged. */
    public record Composed(ArticlePage page, UpstreamClients.Reply upstreamAnswer) {
        static Composed page(ArticlePage page) {
            return new Composed(page, null);
        }

        static Composed passThrough(UpstreamClients.Reply reply) {
            return new Composed(null, reply);
        }
    }
}
