package dev.spaces.gateway.domain;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The addresses a blog had before it moved to Spaces — Typecho's and WordPress's URL shapes — and their new homes on
 * the reader site (issue #22, old links). Links to {@code kexue.fm/archives/1234/} are in papers and across the web;
 * they must keep working after the move, in one permanent redirect.
 * <p>
 * A pure function of the request's raw path and query: every target is a current address of the site or of the
 * content feeds, and no current address is an old shape, so a redirect never leads to another redirect (no loops),
 * and no page the site or the API serves itself is ever redirected. Segments are kept as the client encoded them
 * (a Chinese slug stays percent-encoded); characters that may not appear in a URL are percent-encoded, and
 * {@code .}/{@code ..} segments never match, so a Location cannot leave the site or carry a header break.
 * <p>
 * Shapes come from Typecho's routing table (its {@code install.php}: {@code /archives/[cid]/},
 * {@code [permalink]/comment-page-[n]}, {@code /category/[slug]/[page]/}, {@code /[slug].html}, {@code /feed[…]}…)
 * and WordPress's permalink structures and plain query links ({@code ?p=}, {@code ?page_id=}…).
 */
public final class OldLinks {

    /** The blog engines whose URL shapes are recognised. */
    public enum Dialect { TYPECHO, WORDPRESS }

    /** What an old address becomes. */
    public sealed interface Match permits Redirect, ArticleBySlug, PageById {
    }

    /** A fixed new home: a site-relative reference (path, query, fragment). */
    public record Redirect(String target) implements Match {
    }

    /**
     * An article known only by its slug (WordPress's {@code /2020/01/slug/}): its home is {@code /archives/{id}},
     * which needs content-service to name the id. {@code suffix} is the query and fragment the new address keeps.
     */
    public record ArticleBySlug(String slug, String suffix) implements Match {

        public String target(long id) {
            return "/archives/" + id + suffix;
        }

        /** The site resolves a slug itself, with a 301 to the id (two hops instead of one). */
        public String bySlug() {
            return "/archives/" + slug + suffix;
        }
    }

    /**
     * WordPress's {@code ?page_id=N}: a standalone page found by its id ({@code /pages/{slug}}). WordPress keeps posts
     * and pages in one table with one id sequence, so an id that is no page is the article of that id.
     */
    public record PageById(long id, String suffix) implements Match {

        public String target(String encodedSlug) {
            return "/pages/" + encodedSlug + suffix;
        }

        public String asArticle() {
            return "/archives/" + id + suffix;
        }
    }

    /** Parameters that make the home page an old address of its own (WordPress's plain links), or set its page. */
    private static final Set<String> HOME_QUERY_LINKS = Set.of("page", "p", "page_id", "feed", "s", "paged");

    private OldLinks() {
    }

    /**
     * The new home of an old address, or empty when {@code path} is not an old shape of the enabled dialects.
     *
     * @param path     the raw (still percent-encoded) path
     * @param rawQuery the raw query, or null
     */
    public static Optional<Match> match(String path, String rawQuery, Set<Dialect> dialects) {
        if (dialects.isEmpty() || path == null || !path.startsWith("/") || path.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        Query query = Query.parse(rawQuery);
        boolean typecho = dialects.contains(Dialect.TYPECHO);
        boolean wordpress = dialects.contains(Dialect.WORDPRESS);
        if (path.equals("/index.php") || path.startsWith("/index.php/")) {
            // Typecho and WordPress without rewrite rules: every address behind /index.php (PATH_INFO)
            String rest = path.length() <= "/index.php/".length() ? "/" : path.substring("/index.php".length());
            Optional<Match> inner = matchPath(rest, query, typecho, wordpress);
            if (inner.isPresent()) {
                return inner;
            }
            // /index.php/archives/12 (no trailing slash) is a current address once /index.php is gone
            if (!rest.startsWith("/index.php") && (RouteTable.isSitePath(rest) || isServedFeed(rest))
                    && clean(rest)) {
                return redirect(rest + query.keep(List.of(), Set.of()));
            }
            return Optional.empty();
        }
        return matchPath(path, query, typecho, wordpress);
    }

    private static Optional<Match> matchPath(String path, Query query, boolean typecho, boolean wordpress) {
        boolean slash = path.length() > 1 && path.endsWith("/");
        String[] s = segments(path);
        if (s == null) {
            return Optional.empty();
        }
        if (s.length == 0) {
            return wordpress ? queryForms(query) : Optional.empty();
        }
        String first = s[0];
        switch (first) {
            case "archives":
                if (!typecho || s.length < 2) {
                    return Optional.empty();
                }
                if (s.length == 2 && slash) {
                    return redirect("/archives/" + s[1] + query.forArticle());
                }
                if (s.length == 3 && isCommentPage(s[2])) {
                    return redirect("/archives/" + s[1] + query.forArticle() + "#comments");
                }
                return Optional.empty();
            case "category", "tag":
                return term(first, s, slash, query, typecho, wordpress);
            case "author":
                // no author pages on the site (a Spaces blog is one author's): the home page
                if (s.length == 2 || s.length == 3 && digits(s[2]) || s.length == 4 && s[2].equals("page")
                        && digits(s[3])) {
                    return redirect(home(1, query));
                }
                return Optional.empty();
            case "page":
                return s.length == 2 && digits(s[1]) ? redirect(home(number(s[1]), query)) : Optional.empty();
            case "blog":
                if (!typecho) {
                    return Optional.empty();
                }
                if (s.length == 1 && slash) {
                    return redirect(home(1, query));
                }
                return s.length == 3 && s[1].equals("page") && digits(s[2])
                        ? redirect(home(number(s[2]), query)) : Optional.empty();
            case "search":
                return search(s, query);
            case "feed":
                return feed(path, s, slash);
            default:
                if (year(first)) {
                    return dated(s, query, typecho, wordpress);
                }
                if (typecho && s.length == 1 && first.endsWith(".html") && first.length() > ".html".length()) {
                    String slug = first.substring(0, first.length() - ".html".length());
                    return redirect(slug.equals("index") ? home(1, query) : "/pages/" + slug + query.keep(List.of(), Set.of()));
                }
                return Optional.empty();
        }
    }

    /** {@code /category/x/}, Typecho's {@code /category/x/2/}, WordPress's {@code /category/x/page/2/} and feeds. */
    private static Optional<Match> term(String kind, String[] s, boolean slash, Query query, boolean typecho,
                                        boolean wordpress) {
        String base = "/" + kind + "/" + (s.length > 1 ? s[1] : "");
        if (s.length == 2 && slash) {
            return redirect(base + query.keep(List.of(), Set.of()));
        }
        if (s.length == 3 && typecho && digits(s[2])) {
            return redirect(base + query.keep(pageParam(number(s[2])), Set.of("page")));
        }
        if (s.length == 4 && wordpress && s[2].equals("page") && digits(s[3])) {
            return redirect(base + query.keep(pageParam(number(s[3])), Set.of("page")));
        }
        if (wordpress && s.length >= 3 && s.length <= 4 && s[2].equals("feed")) {
            String format = s.length == 4 ? s[3] : "rss2";
            return switch (format) {
                case "rss2", "rss", "rdf" -> redirect("/feed/" + kind + "/" + s[1]);
                case "atom" -> redirect("/feed/" + kind + "/" + s[1] + "/atom");
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    /** {@code /search/keywords/} and its pages: the site's {@code /search?q=}. */
    private static Optional<Match> search(String[] s, Query query) {
        int page;
        if (s.length == 2) {
            page = 1;
        } else if (s.length == 3 && digits(s[2])) {
            page = number(s[2]);
        } else if (s.length == 4 && s[2].equals("page") && digits(s[3])) {
            page = number(s[3]);
        } else {
            return Optional.empty();
        }
        String keywords = queryValue(decodePath(s[1]));
        List<String[]> own = new ArrayList<>();
        own.add(new String[]{"q", keywords});
        own.addAll(pageParam(page));
        return redirect("/search" + query.keep(own, Set.of("q", "page")));
    }

    /**
     * Feeds the content routes do not serve: trailing slashes, Typecho's {@code /feed/rss/…} and {@code /feed/atom/…}
     * prefixes (RSS 1.0 and Atom of any archive), WordPress's {@code /feed/rss2/}, {@code /feed/rdf/}. Comment feeds
     * ({@code /feed/comments/}, {@code /feed/archives/12/}) have no equivalent and stay unanswered (404).
     */
    private static Optional<Match> feed(String path, String[] s, boolean slash) {
        String trimmed = slash ? path.substring(0, path.length() - 1) : path;
        if (isServedFeed(path)) {
            return Optional.empty();
        }
        if (slash && isServedFeed(trimmed)) {
            return redirect(trimmed);
        }
        int from = 1;
        boolean atom = false;
        if (s.length > 1) {
            switch (s[1]) {
                case "atom" -> {
                    atom = true;
                    from = 2;
                }
                case "rss", "rss2", "rdf" -> from = 2;
                default -> {
                }
            }
        }
        int rest = s.length - from;
        if (rest == 0) {
            return redirect(atom ? "/feed/atom" : "/feed");
        }
        if (rest == 2 && (s[from].equals("category") || s[from].equals("tag"))) {
            return redirect("/feed/" + s[from] + "/" + s[from + 1] + (atom ? "/atom" : ""));
        }
        return Optional.empty();
    }

    /**
     * {@code /2020/}, {@code /2020/01/}, {@code /2020/01/05/} and their {@code /page/N/} forms (both engines' date
     * archives) become the site's month archive; WordPress's {@code /2020/01/slug/} and {@code /2020/01/05/slug/}
     * are articles by slug.
     */
    private static Optional<Match> dated(String[] s, Query query, boolean typecho, boolean wordpress) {
        int n = s.length;
        // a trailing page number: /2020/01/page/2/
        int page = 1;
        if (n >= 3 && s[n - 2].equals("page") && digits(s[n - 1])) {
            page = number(s[n - 1]);
            n -= 2;
        }
        if (n == 1) {
            return redirect("/archive");
        }
        if (!month(s[1])) {
            return Optional.empty();
        }
        String monthArchive = "/archive/" + s[0] + "/" + s[1];
        if (n == 2) {
            return redirect(monthArchive + query.keep(pageParam(page), Set.of("page")));
        }
        if (n == 3 && day(s[2])) {
            // a day's archive: the month's (its page N is not the month's page N)
            return redirect(monthArchive);
        }
        if (!wordpress || page != 1) {
            return Optional.empty();
        }
        // WordPress permalinks /%year%/%monthnum%/%postname%/ and /%year%/%monthnum%/%day%/%postname%/
        int slugAt = n >= 4 && day(s[2]) ? 3 : 2;
        int end = slugAt + 1;
        String fragment = "";
        if (n == end + 1 && isCommentPage(s[end])) {
            fragment = "#comments";
        } else if (n != end) {
            return Optional.empty();
        }
        return Optional.of(new ArticleBySlug(s[slugAt], query.forArticle() + fragment));
    }

    /** WordPress's plain links on the home page: {@code ?p=}, {@code ?page_id=}, {@code ?feed=}, {@code ?s=}… */
    private static Optional<Match> queryForms(Query query) {
        String p = query.get("p");
        if (p != null && digits(p)) {
            return redirect("/archives/" + p + query.forArticle("p", "cpage"));
        }
        String pageId = query.get("page_id");
        if (pageId != null && digits(pageId) && pageId.length() <= 18) {
            return Optional.of(new PageById(Long.parseLong(pageId), query.keep(List.of(), Set.of("page_id"))));
        }
        String feed = query.get("feed");
        if (feed != null) {
            return switch (feed) {
                case "", "rss2", "rss", "rdf" -> redirect("/feed");
                case "atom" -> redirect("/feed/atom");
                default -> Optional.empty();
            };
        }
        String s = query.get("s");
        if (s != null) {
            return redirect("/search" + query.keep(List.<String[]>of(new String[]{"q", s}), Set.of("s", "q")));
        }
        String paged = query.get("paged");
        if (paged != null && digits(paged)) {
            return redirect(home(number(paged), query.without("paged")));
        }
        return Optional.empty();
    }

    /** The content routes' feeds: {@code /feed}, {@code /feed/atom}, {@code /feed/{scope}/{slug}[/atom]}. */
    static boolean isServedFeed(String path) {
        String[] s = segments(path);
        if (s == null || s.length == 0 || !s[0].equals("feed") || path.endsWith("/")) {
            return false;
        }
        return switch (s.length) {
            case 1 -> true;
            case 2 -> s[1].equals("atom");
            case 3 -> scope(s[1]);
            case 4 -> scope(s[1]) && s[3].equals("atom");
            default -> false;
        };
    }

    private static boolean scope(String segment) {
        return segment.equals("category") || segment.equals("tag") || segment.equals("series");
    }

    /** The home page, without WordPress's query links (which would redirect once more). */
    private static String home(int page, Query query) {
        return "/" + query.keep(pageParam(page), HOME_QUERY_LINKS);
    }

    private static List<String[]> pageParam(int page) {
        return page > 1 ? List.<String[]>of(new String[]{"page", Integer.toString(page)}) : List.of();
    }

    private static Optional<Match> redirect(String target) {
        return Optional.of(new Redirect(target));
    }

    /**
     * The path's segments with every one made safe for a Location (see {@link #safeSegment}); {@code null} when the
     * path has an empty, {@code .} or {@code ..} segment (never an old address, and never to be redirected).
     */
    private static String[] segments(String path) {
        String body = path.length() > 1 && path.endsWith("/") ? path.substring(1, path.length() - 1)
                : path.substring(1);
        if (body.isEmpty()) {
            return new String[0];
        }
        String[] parts = body.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.equalsIgnoreCase("%2e")
                    || part.equalsIgnoreCase("%2e%2e")) {
                return null;
            }
            parts[i] = safeSegment(part);
        }
        return parts;
    }

    /** Whether every segment of a current address is already safe to send back as it is. */
    private static boolean clean(String path) {
        String[] s = segments(path);
        return s != null && String.join("/", s).equals(path.substring(1, path.length() - (path.endsWith("/")
                && path.length() > 1 ? 1 : 0)));
    }

    /** A path segment with every character outside RFC 3986's pchar (and stray {@code %}) percent-encoded. */
    static String safeSegment(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            int cp = raw.codePointAt(i);
            int width = Character.charCount(cp);
            char c = raw.charAt(i);
            if (width == 1 && (pchar(c) || c == '%' && hex(raw, i + 1) && hex(raw, i + 2))) {
                out.append(c);
            } else {
                encode(out, raw.substring(i, i + width));
            }
            i += width;
        }
        return out.toString();
    }

    private static boolean pchar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
    }

    private static boolean hex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    /**
     * Percent-encodes {@code chars}: a char up to 0xFF is one raw byte of the request line (as the proxy reads it,
     * see ProxyForwarder), anything above is UTF-8.
     */
    private static void encode(StringBuilder out, String chars) {
        byte[] bytes = chars.length() == 1 && chars.charAt(0) <= 0xFF ? new byte[]{(byte) chars.charAt(0)}
                : chars.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
    }

    private static String decodePath(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    private static String queryValue(String decoded) {
        return URLEncoder.encode(decoded, StandardCharsets.UTF_8);
    }

    private static boolean isCommentPage(String segment) {
        return segment.startsWith("comment-page-") && digits(segment.substring("comment-page-".length()));
    }

    private static boolean digits(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String digits) {
        return Integer.parseInt(digits);
    }

    private static boolean year(String s) {
        return s.length() == 4 && digits(s);
    }

    private static boolean month(String s) {
        return s.length() == 2 && digits(s) && number(s) >= 1 && number(s) <= 12;
    }

    private static boolean day(String s) {
        return s.length() == 2 && digits(s) && number(s) >= 1 && number(s) <= 31;
    }

    /**
     * The request's query as raw name/value pairs in their order. The new address keeps what still means something
     * there (tracking parameters, {@code sort}, {@code replyTo}…), minus what the old shape itself consumed.
     */
    record Query(List<String[]> params) {

        static Query parse(String raw) {
            List<String[]> params = new ArrayList<>();
            if (raw != null && !raw.isEmpty()) {
                for (String pair : raw.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    params.add(eq < 0 ? new String[]{safeQuery(pair), null}
                            : new String[]{safeQuery(pair.substring(0, eq)), safeQuery(pair.substring(eq + 1))});
                }
            }
            return new Query(params);
        }

        String get(String name) {
            for (String[] p : params) {
                if (p[0].equals(name)) {
                    return p[1] == null ? "" : p[1];
                }
            }
            return null;
        }

        Query without(String name) {
            return new Query(params.stream().filter(p -> !p[0].equals(name)).toList());
        }

        /**
         * {@code ?own&rest}: the target's own parameters first, then the request's, except those named in
         * {@code drop} or set by the target; "" when nothing is left.
         */
        String keep(List<String[]> own, Set<String> drop) {
            StringBuilder out = new StringBuilder();
            for (String[] p : own) {
                out.append(out.isEmpty() ? '?' : '&').append(p[0]).append('=').append(p[1]);
            }
            for (String[] p : params) {
                if (drop.contains(p[0]) || own.stream().anyMatch(o -> o[0].equals(p[0]))) {
                    continue;
                }
                out.append(out.isEmpty() ? '?' : '&').append(p[0]);
                if (p[1] != null) {
                    out.append('=').append(p[1]);
                }
            }
            return out.toString();
        }

        /** For an article: WordPress's {@code replytocom} is the site's {@code replyTo}. */
        String forArticle(String... consumed) {
            List<String[]> renamed = new ArrayList<>();
            for (String[] p : params) {
                renamed.add(p[0].equals("replytocom") ? new String[]{"replyTo", p[1]} : p);
            }
            return new Query(renamed).keep(List.of(), Set.of(consumed));
        }

        private static String safeQuery(String raw) {
            StringBuilder out = new StringBuilder(raw.length());
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (pchar(c) && c != '&' || c == '/' || c == '?' || c == '%' && hex(raw, i + 1) && hex(raw, i + 2)) {
                    out.append(c);
                } else {
                    encode(out, String.valueOf(c));
                }
            }
            return out.toString();
        }
    }
}
