package dev.spaces.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.spaces.gateway.client.UpstreamClients;
import dev.spaces.gateway.config.GatewayConfig;
import dev.spaces.gateway.domain.OldLinks;
import dev.spaces.gateway.domain.RouteClass;
import dev.spaces.gateway.domain.Upstream;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Answers old addresses ({@link OldLinks}) with their new homes. Fixed shapes are answered at once, without any
 * upstream call; an article known only by its slug (WordPress's {@code /2020/01/slug/}) is looked up in
 * content-service ({@code GET /api/v1/articles/slug/{slug}}, the call the site makes for {@code /archives/{slug}}), so
 * the reader gets one hop to {@code /archives/{id}} instead of two, and a slug content-service does not know is not
 * redirected at all: the site answers that address with its own 404 page rather than a redirect to nowhere.
 */
@ApplicationScoped
public class OldLinkRedirects {

    private static final Logger LOG = Logger.getLogger(OldLinkRedirects.class);

    /** What to answer; {@code status} 301 (permanent, cacheable) or 302 (a fallback while a lookup failed). */
    public record Answer(int status, String location, String cacheControl) {
    }

    private final GatewayConfig.OldLinksConfig config;
    private final Duration timeout;
    private final UpstreamClients clients;
    private final ObjectMapper json;
    private final Set<OldLinks.Dialect> dialects;
    private final String base;
    private final String cacheControl;

    public OldLinkRedirects(GatewayConfig config, UpstreamClients clients, ObjectMapper json) {
        this.config = config.oldLinks();
        this.timeout = config.routeClass(RouteClass.READS).timeout();
        this.clients = clients;
        this.json = json;
        this.dialects = this.config.shapes().isEmpty() ? EnumSet.noneOf(OldLinks.Dialect.class)
                : EnumSet.copyOf(this.config.shapes());
        this.base = this.config.publicBase().map(uri -> {
            String b = uri.toString();
            return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        }).orElse("");
        this.cacheControl = "public, max-age=" + this.config.maxAge().toSeconds();
    }

    /** The old shape {@code path} is, if old links are on and it is one. */
    public Optional<OldLinks.Match> match(String path, String rawQuery) {
        return config.enabled() ? OldLinks.match(path, rawQuery, dialects) : Optional.empty();
    }

    /** The answer to an old address; empty when the request should go on to the site as it is. */
    public Future<Optional<Answer>> answer(OldLinks.Match match, String requestId) {
        return switch (match) {
            case OldLinks.Redirect redirect -> Future.succeededFuture(Optional.of(permanent(redirect.target())));
            case OldLinks.ArticleBySlug bySlug -> articleBySlug(bySlug, requestId);
            case OldLinks.PageById byId -> pageById(byId, requestId);
        };
    }

    private Future<Optional<Answer>> articleBySlug(OldLinks.ArticleBySlug match, String requestId) {
        return clients.get(Upstream.CONTENT, "/api/v1/articles/slug/" + match.slug(), headers(requestId), timeout)
                .map(reply -> {
                    if (reply.status() == 200) {
                        JsonNode id = parse(reply).path("id");
                        if (id.canConvertToLong() && id.asLong() > 0) {
                            return Optional.of(permanent(match.target(id.asLong())));
                        }
                        return Optional.of(fallback(match.bySlug()));
                    }
                    if (reply.status() >= 500) {
                        return Optional.of(fallback(match.bySlug()));
                    }
                    return Optional.<Answer>empty(); // no such article: the site's 404 page, not a redirect
                })
                .otherwise(error -> {
                    LOG.debugf("Slug lookup for an old link failed: %s", error.toString());
                    return Optional.of(fallback(match.bySlug()));
                });
    }

    private Future<Optional<Answer>> pageById(OldLinks.PageById match, String requestId) {
        return clients.get(Upstream.CONTENT, "/api/v1/pages", headers(requestId), timeout)
                .map(reply -> {
                    JsonNode pages = reply.status() == 200 ? parse(reply) : null;
                    if (pages == null || !pages.isArray()) {
                        return Optional.<Answer>empty();
                    }
                    for (JsonNode page : pages) {
                        if (page.path("id").asLong() == match.id() && page.path("slug").isTextual()) {
                            String slug = URLEncoder.encode(page.path("slug").asText(), StandardCharsets.UTF_8)
                                    .replace("+", "%20");
                            return Optional.of(permanent(match.target(slug)));
                        }
                    }
                    // WordPress numbers posts and pages in one sequence: an id that is no page is a post's
                    return Optional.of(permanent(match.asArticle()));
                })
                // content-service unreachable: the site answers the request (its 503 page while content is down)
                .otherwise(error -> Optional.empty());
    }

    private Answer permanent(String target) {
        return new Answer(301, base + target, cacheControl);
    }

    /**
     * While content-service cannot say which id a slug has, the site's own {@code /archives/{slug}} will (its 301 to
     * the id, once content-service answers again): a temporary redirect nobody keeps.
     */
    private Answer fallback(String target) {
        return new Answer(302, base + target, "no-store");
    }

    private static MultiMap headers(String requestId) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().set("Accept", "application/json");
        if (requestId != null) {
            headers.set("X-Request-Id", requestId);
        }
        return headers;
    }

    private JsonNode parse(UpstreamClients.Reply reply) {
        try {
            return json.readTree(reply.body().getBytes());
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
