package dev.spaces.gateway.domain;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which service owns a path, read off the services' JAX-RS resources. Order matters: the first matching rule wins,
 * so the more specific comment and gateway paths under {@code /api/v1/articles} come before content's catch-all.
 */
public final class RouteTable {

    private static final String ID = "[^/]+";

    private enum Access { PUBLIC, TOKEN, BLOCKED }

    private record Rule(Pattern path, Upstream upstream, Access access, boolean anonymousWrites, boolean search) {
    }

    private static final List<Rule> RULES = List.of(
            // composed by the gateway itself
            rule("/api/v1/articles/\\d+/page", null, Access.PUBLIC, false),
            // comment-service
            rule("/api/v1/articles/" + ID + "/comments", Upstream.COMMENT, Access.PUBLIC, true),
            rule("/api/v1/comments/" + ID + "/(edits|moderation)", Upstream.COMMENT, Access.TOKEN, false),
            rule("/api/v1/comments(/.*)?", Upstream.COMMENT, Access.PUBLIC, false),
            rule("/api/v1/members/me", Upstream.COMMENT, Access.TOKEN, false),
            rule("/api/v1/members(/.*)?", Upstream.COMMENT, Access.PUBLIC, false),
            rule("/api/v1/moderation(/.*)?", Upstream.COMMENT, Access.TOKEN, false),
            // search-service; its event intake is service-to-service only
            rule("/api/v1/search/events", Upstream.SEARCH, Access.BLOCKED, false),
            rule("/api/v1/search(/.*)?", Upstream.SEARCH, Access.PUBLIC, false),
            // content-service
            rule("/api/v1/articles/" + ID + "/views", Upstream.CONTENT, Access.PUBLIC, true),
            rule("/api/v1/articles/" + ID + "/revisions(/.*)?", Upstream.CONTENT, Access.TOKEN, false),
            rule("/api/v1/articles(/.*)?", Upstream.CONTENT, Access.PUBLIC, false),
            rule("/api/v1/(categories|tags|series)(/.*)?", Upstream.CONTENT, Access.PUBLIC, false),
            rule("/api/v1/archive", Upstream.CONTENT, Access.PUBLIC, false),
            rule("/api/v1/preview", Upstream.CONTENT, Access.PUBLIC, true),
            rule("/api/v1/import", Upstream.CONTENT, Access.TOKEN, false),
            rule("/api/v1/search-documents(/.*)?", Upstream.CONTENT, Access.PUBLIC, false),
            rule("/api/v1/webhooks/events", Upstream.CONTENT, Access.BLOCKED, false),
            rule("/api/v1/webhooks(/.*)?", Upstream.CONTENT, Access.TOKEN, false),
            rule("/feed(/.*)?", Upstream.CONTENT, Access.PUBLIC, false),
            rule("/sitemap\\.xml", Upstream.CONTENT, Access.PUBLIC, false));

    private RouteTable() {
    }

    private static Rule rule(String regex, Upstream upstream, Access access, boolean anonymousWrites) {
        return new Rule(Pattern.compile(regex), upstream, access, anonymousWrites, upstream == Upstream.SEARCH);
    }

    /**
     * The route for a request, or empty when no service owns the path (or it is internal to the services).
     *
     * @param safeMethod GET, HEAD or OPTIONS
     */
    public static Optional<Route> resolve(String path, boolean safeMethod) {
        for (Rule rule : RULES) {
            if (rule.path().matcher(path).matches()) {
                if (rule.access() == Access.BLOCKED) {
                    return Optional.empty();
                }
                boolean tokenPath = rule.access() == Access.TOKEN;
                // Writes need a token except the few that anonymous readers may make (views, preview, guest comments).
                boolean requiresToken = tokenPath || (!safeMethod && !rule.anonymousWrites());
                RouteClass routeClass = tokenPath ? RouteClass.AUTH_SENSITIVE
                        : rule.search() ? RouteClass.SEARCH
                        : safeMethod ? RouteClass.READS : RouteClass.WRITES;
                return Optional.of(new Route(rule.upstream(), routeClass, requiresToken));
            }
        }
        return Optional.empty();
    }

    /** Paths under the gateway's care at all (the rest — /q/*, /internal/* — are the gateway's own endpoints). */
    public static boolean isProxiedNamespace(String path) {
        return path.startsWith("/api/") || path.startsWith("/feed") || path.equals("/sitemap.xml");
    }
}
