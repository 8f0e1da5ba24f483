package dev.spaces.gateway.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which service owns a path, read off the services' JAX-RS resources. Order matters: the first matching rule wins,
 * so the more specific comment and gateway paths under {@code /api/v1/articles} come before content's catch-all.
 * <p>
 * Rules are path templates, not regexes: {@code {id}} is one non-empty segment, {@code {n}} one all-digit segment,
 * a trailing {@code /**} the path itself or anything below it. They are indexed by their first distinguishing
 * segment, so a request is matched by one hash lookup and a segment walk over a handful of rules, with no
 * backtracking. Every route carries its template, which is also the bounded {@code uri} tag of its metrics.
 */
public final class RouteTable {

    private static final String API = "/api/v1/";

    private enum Access { PUBLIC, TOKEN, BLOCKED }

    private record Rule(String template, String[] segments, boolean subtree, Route safe, Route unsafe,
                        boolean blocked) {

        boolean matches(String path, int from) {
            int p = from;
            int length = path.length();
            for (String segment : segments) {
                if (p >= length || path.charAt(p) != '/') {
                    return false;
                }
                int start = p + 1;
                int end = path.indexOf('/', start);
                if (end < 0) {
                    end = length;
                }
                if (!segmentMatches(segment, path, start, end)) {
                    return false;
                }
                p = end;
            }
            return p == length || (subtree && path.charAt(p) == '/');
        }

        private static boolean segmentMatches(String segment, String path, int start, int end) {
            if (segment.equals("{id}")) {
                return end > start;
            }
            if (segment.equals("{n}")) {
                if (end == start) {
                    return false;
                }
                for (int i = start; i < end; i++) {
                    char c = path.charAt(i);
                    if (c < '0' || c > '9') {
                        return false;
                    }
                }
                return true;
            }
            return end - start == segment.length() && path.regionMatches(start, segment, 0, segment.length());
        }
    }

    /** Rules by the segment after {@code /api/v1/} (or the first segment outside the API), in declaration order. */
    private static final Map<String, List<Rule>> RULES = new HashMap<>();

    static {
        // composed by the gateway itself
        rule("/api/v1/articles/{n}/page", null, Access.PUBLIC, false);
        // comment-service
        rule("/api/v1/articles/{id}/comments", Upstream.COMMENT, Access.PUBLIC, true);
        // a comment's preview: whoever may comment (guests too when enabled; comment-service decides)
        rule("/api/v1/comments/preview", Upstream.COMMENT, Access.PUBLIC, true);
        // [comment import] another blog's comments in, this site's out: admins (comment-service checks the role)
        rule("/api/v1/comments/import", Upstream.COMMENT, Access.TOKEN, false);
        rule("/api/v1/comments/export", Upstream.COMMENT, Access.TOKEN, false);
        rule("/api/v1/comments/{id}/edits", Upstream.COMMENT, Access.TOKEN, false);
        rule("/api/v1/comments/{id}/moderation", Upstream.COMMENT, Access.TOKEN, false);
        rule("/api/v1/comments/**", Upstream.COMMENT, Access.PUBLIC, false);
        rule("/api/v1/members/me", Upstream.COMMENT, Access.TOKEN, false);
        rule("/api/v1/members/**", Upstream.COMMENT, Access.PUBLIC, false);
        rule("/api/v1/moderation/**", Upstream.COMMENT, Access.TOKEN, false);
        // mail (comment-service mail.*): the List-Unsubscribe link; its signed token is the credential, and mail
        // clients POST it without any login (RFC 8058 one-click)
        rule("/api/v1/mail/unsubscribe", Upstream.COMMENT, Access.PUBLIC, true);
        // search-service; its event intake is service-to-service only
        rule("/api/v1/search/events", Upstream.SEARCH, Access.BLOCKED, false);
        rule("/api/v1/search/**", Upstream.SEARCH, Access.PUBLIC, false);
        // content-service
        rule("/api/v1/articles/{id}/views", Upstream.CONTENT, Access.PUBLIC, true);
        rule("/api/v1/articles/{id}/revisions/**", Upstream.CONTENT, Access.TOKEN, false);
        // managing an article's preview links needs a token; opening one (/preview-links/{token}) does not
        rule("/api/v1/articles/{id}/preview-links/**", Upstream.CONTENT, Access.TOKEN, false);
        rule("/api/v1/articles/**", Upstream.CONTENT, Access.PUBLIC, false);
        rule("/api/v1/categories/**", Upstream.CONTENT, Access.PUBLIC, false);
        rule("/api/v1/tags/**", Upstream.CONTENT, Access.PUBLIC, false);
        rule("/api/v1/series/**", Upstream.CONTENT, Access.PUBLIC, false);
        rule("/api/v1/archive", Upstream.CONTENT, Access.PUBLIC, false);
        // site settings and standalone pages: reads public, writes need a token (content-service checks the role)
        rule("/api/v1/site", Upstream.CONTENT, Access.PUBLIC, false);
        rule("/api/v1/pages/**", Upstream.CONTENT, Access.PUBLIC, false);
        // a draft shared by link: the token in the path is the credential; answers are private, no-store
        rule("/api/v1/preview-links/{id}", Upstream.CONTENT, Access.PUBLIC, false);
        rule("/api/v1/preview", Upstream.CONTENT, Access.PUBLIC, true);
        rule("/api/v1/import", Upstream.CONTENT, Access.TOKEN, false);
        rule("/api/v1/imports/**", Upstream.CONTENT, Access.TOKEN, false);
        // [mig-export] the whole site for its admin (content-service checks the role): a token's answer is never
        // cached here, and the service marks it no-store; it streams through (unknown length)
        rule("/api/v1/export", Upstream.CONTENT, Access.TOKEN, false);
        rule("/api/v1/search-documents/**", Upstream.CONTENT, Access.PUBLIC, false);
        rule("/api/v1/webhooks/events", Upstream.CONTENT, Access.BLOCKED, false);
        rule("/api/v1/webhooks/**", Upstream.CONTENT, Access.TOKEN, false);
        // the media library: reads public, uploads and changes need a token (content-service checks the role)
        rule("/api/v1/media/**", Upstream.CONTENT, Access.PUBLIC, false);
        // its files at content-hashed URLs (immutable, so the response cache keeps the small ones)
        rule("/media/**", Upstream.CONTENT, Access.PUBLIC, false);
        rule("/feed/**", Upstream.CONTENT, Access.PUBLIC, false);
        rule("/sitemap.xml", Upstream.CONTENT, Access.PUBLIC, false);
    }

    /**
     * Every path no rule names and that is not the API's, Studio's or the gateway's own is a reader-site page
     * ({@code /}, {@code /archives/12}, {@code /tag/…}, {@code /assets/site.css}…). Anonymous forms are allowed
     * through (the comment form; the site checks its own session), as reads and writes by address.
     */
    private static final Route SITE_READ = new Route(Upstream.SITE, RouteClass.READS, false, "/{site-page}");
    private static final Route SITE_WRITE = new Route(Upstream.SITE, RouteClass.WRITES, false, "/{site-page}");

    private RouteTable() {
    }

    private static void rule(String template, Upstream upstream, Access access, boolean anonymousWrites) {
        boolean subtree = template.endsWith("/**");
        String fixed = subtree ? template.substring(0, template.length() - 3) : template;
        String[] segments = fixed.substring(1).split("/");
        // the metrics tag: what the rule stands for, never the concrete path
        String tag = subtree ? fixed + "/{path}" : template;
        boolean tokenPath = access == Access.TOKEN;
        boolean search = upstream == Upstream.SEARCH;
        RouteClass safeClass = tokenPath ? RouteClass.AUTH_SENSITIVE : search ? RouteClass.SEARCH : RouteClass.READS;
        RouteClass unsafeClass = tokenPath ? RouteClass.AUTH_SENSITIVE : search ? RouteClass.SEARCH : RouteClass.WRITES;
        // Writes need a token except the few that anonymous readers may make (views, preview, guest comments).
        Route safe = new Route(upstream, safeClass, tokenPath, tag);
        Route unsafe = new Route(upstream, unsafeClass, tokenPath || !anonymousWrites, tag);
        String key = fixed.startsWith(API) ? segments[2] : segments[0];
        RULES.computeIfAbsent(key, k -> new ArrayList<>())
                .add(new Rule(template, segments, subtree, safe, unsafe, access == Access.BLOCKED));
    }

    /**
     * The route for a request, or empty when no service owns the path (or it is internal to the services).
     *
     * @param safeMethod GET, HEAD or OPTIONS
     */
    public static Optional<Route> resolve(String path, boolean safeMethod) {
        List<Rule> candidates = RULES.get(key(path));
        if (candidates != null) {
            for (Rule rule : candidates) {
                if (rule.matches(path, 0)) {
                    return rule.blocked() ? Optional.empty() : Optional.of(safeMethod ? rule.safe() : rule.unsafe());
                }
            }
        }
        if (isSitePath(path)) {
            return Optional.of(safeMethod ? SITE_READ : SITE_WRITE);
        }
        return Optional.empty();
    }

    /** A path of the reader site: outside the API, Studio, the gateway's own endpoints and the content routes. */
    public static boolean isSitePath(String path) {
        return !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/q/") && !path.equals("/q")
                && !path.startsWith("/internal/") && !path.equals("/studio") && !path.startsWith("/studio/")
                && !path.startsWith("/media/") && !path.equals("/sitemap.xml") && !path.equals("/feed")
                && !path.startsWith("/feed/");
    }

    /** The segment rules are indexed by, without allocating more than the key itself. */
    private static String key(String path) {
        int start = path.startsWith(API) ? API.length() : 1;
        if (start > path.length()) {
            return "";
        }
        int end = path.indexOf('/', start);
        return path.substring(start, end < 0 ? path.length() : end);
    }

    /** Paths under the gateway's care at all (the rest — /q/*, /internal/*, /studio — are the gateway's own). */
    public static boolean isProxiedNamespace(String path) {
        return path.startsWith("/api/") || path.startsWith("/feed") || path.equals("/sitemap.xml")
                || path.startsWith("/media/") || isSitePath(path);
    }

    /** Paths that take file uploads, with their own body limit (spaces.gateway.max-upload-size). */
    public static boolean acceptsUploads(String path) {
        return path.equals("/api/v1/media");
    }

    /**
     * Paths whose body is another blog's export (a dump, a WXR or bundle file): {@code POST /api/v1/imports}, and
     * [comment import] the bundle lines of {@code POST /api/v1/comments/import}.
     */
    public static boolean acceptsImports(String path) {
        return path.equals("/api/v1/imports") || path.equals("/api/v1/comments/import");
    }
}
