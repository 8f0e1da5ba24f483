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
 */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "style-src-attr 'unsafe-inline'; img-src 'self' https: data:; font-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("Content-Security-Policy", POLICY);
    }
}
