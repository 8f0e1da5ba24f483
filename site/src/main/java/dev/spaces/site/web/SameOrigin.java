package dev.spaces.site.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/**
 * Refuses forged cross-site form posts: a state-changing POST must come from one of this site's own pages. Browsers
 * send {@code Origin} with every POST (Referer where an old one does not); either must name the host the request
 * was made to (the gateway's public address, from X-Forwarded-Host). A request with neither is refused too: a page
 * of this site always sends them. The session cookie is SameSite=Lax as well, so a cross-site POST carries no
 * session in the first place; this check is the second lock.
 */
final class SameOrigin {

    private SameOrigin() {
    }

    /** Thrown for a cross-site POST; answered with a 403 page that says why. */
    static final class CrossSite extends RuntimeException {
        CrossSite(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The gateway hands a request's Origin on under this name (so that its CORS filter leaves the refusal to this
     * page); a browser never sends it cross-site, as a custom header would need a CORS preflight.
     */
    static final String GATEWAY_ORIGIN = "X-Spaces-Origin";

    static void require(HttpHeaders headers, UriInfo uri) {
        String own = origin(uri.getBaseUri());
        boolean named = false;
        // every origin the request names must be this site (directly, Origin; through the gateway, its copy)
        for (String name : new String[] {"Origin", GATEWAY_ORIGIN}) {
            String origin = headers.getHeaderString(name);
            if (origin != null) {
                if (!origin.equalsIgnoreCase(own)) {
                    throw new CrossSite(name + " " + origin + " is not " + own);
                }
                named = true;
            }
        }
        if (named) {
            return;
        }
        String referer = headers.getHeaderString("Referer");
        if (referer != null) {
            try {
                if (own.equalsIgnoreCase(origin(URI.create(referer)))) {
                    return;
                }
            } catch (IllegalArgumentException e) {
                // not a URL: refused below
            }
            throw new CrossSite("Referer " + referer + " is not on " + own);
        }
        throw new CrossSite("neither Origin nor Referer");
    }

    static String origin(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            return "";
        }
        int port = uri.getPort();
        boolean standard = port == -1 || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80)
                || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443);
        return uri.getScheme().toLowerCase() + "://" + uri.getHost().toLowerCase() + (standard ? "" : ":" + port);
    }
}
