package dev.spaces.site.view;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The reader site's URL shapes, in one place (the blog's own: {@code /archives/{id}}, {@code /category/{slug}}…). */
public final class Urls {

    private Urls() {
    }

    public static String article(long id) {
        return "/archives/" + id;
    }

    public static String category(String slug) {
        return "/category/" + encode(slug);
    }

    public static String tag(String slug) {
        return "/tag/" + encode(slug);
    }

    public static String series(String slug) {
        return "/series/" + encode(slug);
    }

    public static String page(String slug) {
        return "/pages/" + encode(slug);
    }

    public static String month(int year, int month) {
        return "/archive/%04d/%02d".formatted(year, month);
    }

    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code path} under the site's base URL (which may itself have a path), without a doubled slash. */
    public static String absolute(String base, String path) {
        String b = base == null ? "" : base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return b + (path.startsWith("/") ? path : "/" + path);
    }

    // ---- comments: signing in and back
    /** The sign-in link that comes back to {@code returnPath} (a path of this site). */
    public static String login(String returnPath) {
        return "/login?return=" + java.net.URLEncoder.encode(returnPath, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * {@code candidate} if it is a path of this site, else "/": no open redirect after sign-in. A relative path
     * starts with one "/" and no "//" or "/\" (which browsers read as another host), holds no scheme, no control
     * characters and no backslashes.
     */
    public static String sameSitePath(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > 2000 || candidate.charAt(0) != '/'
                || candidate.startsWith("//") || candidate.indexOf('\\') >= 0) {
            return "/";
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "/";
            }
        }
        try {
            java.net.URI uri = new java.net.URI(candidate);
            if (uri.getScheme() != null || uri.getRawAuthority() != null) {
                return "/";
            }
        } catch (java.net.URISyntaxException e) {
            return "/";
        }
        return candidate;
    }
}
