package dev.spaces.commons.http;

import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 8288 {@code Link} header (first/prev/next/last) for a page, keeping the other query parameters. The targets are
 * relative references (path and query): behind the gateway the service sees its own internal address, and an absolute
 * link would send clients there (and, cached at the edge, to whichever host name the first reader used).
 */
public final class PageLinks {

    private PageLinks() {
    }

    public static String header(UriInfo uri, PageResponse<?> page) {
        List<String> links = new ArrayList<>();
        int last = Math.max(1, page.totalPages());
        links.add(link(uri, 1, "first"));
        if (page.hasPrevious()) {
            links.add(link(uri, Math.min(page.page() - 1, last), "prev"));
        }
        if (page.hasNext()) {
            links.add(link(uri, page.page() + 1, "next"));
        }
        links.add(link(uri, last, "last"));
        return String.join(", ", links);
    }

    private static String link(UriInfo uri, int page, String rel) {
        URI target = uri.getRequestUriBuilder().replaceQueryParam("page", page).build();
        String query = target.getRawQuery();
        return "<" + target.getRawPath() + (query == null ? "" : "?" + query) + ">; rel=\"" + rel + "\"";
    }
}
