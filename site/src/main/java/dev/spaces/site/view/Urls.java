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
}
