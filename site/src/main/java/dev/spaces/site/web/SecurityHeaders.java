package dev.spaces.site.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * The pages' Content-Security-Policy: only the site's own stylesheet, script and images (plus images from other
 * https hosts, as imported articles link them); no inline script at all, so markup that slipped into an article or a
 * comment could not run even if the sanitizer missed it. Style attributes are allowed: the server's MathML lays out
 * matrices and aligned equations with them (the sanitizer limits them to a few layout properties without URLs).
 * And a referrer policy that keeps the pages' form posts' {@code Origin}.
 */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "style-src-attr 'unsafe-inline'; img-src 'self' https: data:; font-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("Content-Security-Policy", POLICY);
        // the origin only, and only over https: enough for the comment form's POST to carry a real Origin (under
        // no-referrer browsers send "Origin: null", which the gateway's CORS filter and the same-origin check
        // refuse); a preview page sets no-referrer itself, its URL being the credential
        if (!response.getHeaders().containsKey("Referrer-Policy")) {
            response.getHeaders().putSingle("Referrer-Policy", "strict-origin-when-cross-origin");
        }
    }
}
