package dev.spaces.commons.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Conditional GET for {@link PublicCache} resources. The body is serialized here once so the ETag is the
 * hash of exactly the bytes sent; those bytes then become the entity. Anonymous answers may be kept by any cache for
 * {@code spaces.http-cache.max-age} seconds; answers to requests with credentials only by the caller's own.
 */
@Provider
@PublicCache
public class PublicCacheFilter implements ContainerResponseFilter {

    /**
     * Request property holding the {@link Representation} this filter computed, for a later response filter (a
     * service's read cache) to keep without serializing or hashing again; set for 200 and for 304 answers.
     */
    public static final String REPRESENTATION = PublicCacheFilter.class.getName() + ".representation";

    /** The bytes of a 200 answer with their strong ETag, Last-Modified (may be null) and media type. */
    public record Representation(byte[] body, String etag, Instant lastModified, String mediaType) {
    }

    private final ObjectMapper mapper;
    private final String publicCacheControl;

    /**
     * @param sharedMaxAgeSeconds how long shared caches (the gateway's, a CDN) may keep an anonymous answer when that
     *                            differs from browsers' {@code max-age}: the reader site lets browsers revalidate every
     *                            page at once (max-age 0) while the gateway, purged by events, keeps it for minutes
     */
    public PublicCacheFilter(ObjectMapper mapper,
                             @ConfigProperty(name = "spaces.http-cache.max-age", defaultValue = "60") int maxAgeSeconds,
                             @ConfigProperty(name = "spaces.http-cache.shared-max-age") Optional<Integer> sharedMaxAgeSeconds) {
        this.mapper = mapper;
        this.publicCacheControl = "public, max-age=" + maxAgeSeconds
                + sharedMaxAgeSeconds.map(shared -> ", s-maxage=" + shared).orElse("");
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        String method = request.getMethod();
        if (!("GET".equals(method) || "HEAD".equals(method)) || response.getStatus() != 200 || !response.hasEntity()) {
            return;
        }
        Object entity = response.getEntity();
        byte[] body = bytesOf(entity);
        Long version = entity instanceof Versioned v ? v.version() : null;
        String etag = EntityTags.strong(body, version);
        Instant lastModified = lastModified(response, entity);

        response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        // an answer to a request with credentials may be personal (a draft, a member's own pending comment): RFC 9111
        // §3.5 lets a shared cache store it when it says "public", so it says "private" and is revalidated instead
        boolean personal = request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || request.getHeaderString(HttpHeaders.COOKIE) != null;
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL,
                personal ? "private, no-cache" : publicCacheControl);
        if (lastModified != null) {
            response.getHeaders().putSingle(HttpHeaders.LAST_MODIFIED, httpDate(lastModified));
        }
        MediaType type = response.getMediaType() != null ? response.getMediaType() : MediaType.APPLICATION_JSON_TYPE;
        request.setProperty(REPRESENTATION, new Representation(body, etag, lastModified, type.toString()));
        if (notModified(request, etag, lastModified)) {
            response.setStatus(304);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            response.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
            return;
        }
        response.setEntity(body, response.getEntityAnnotations(), type);
    }

    private byte[] bytesOf(Object entity) throws IOException {
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        return mapper.writeValueAsBytes(entity);
    }

    private static Instant lastModified(ContainerResponseContext response, Object entity) {
        if (entity instanceof Versioned v && v.updatedAt() != null) {
            return v.updatedAt();
        }
        Object header = response.getHeaders().getFirst(HttpHeaders.LAST_MODIFIED);
        if (header instanceof java.util.Date date) {
            return date.toInstant();
        }
        if (header instanceof Instant instant) {
            return instant;
        }
        if (header instanceof String text) {
            return parseHttpDate(text);
        }
        return null;
    }

    private static boolean notModified(ContainerRequestContext request, String etag, Instant lastModified) {
        return notModified(request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), etag, lastModified);
    }

    /** RFC 9110 §13.2.2: If-None-Match decides when present, else If-Modified-Since against Last-Modified. */
    public static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant lastModified) {
        if (ifNoneMatch != null) {
            return EntityTags.matchesAny(ifNoneMatch, etag);
        }
        if (ifModifiedSince != null && lastModified != null) {
            Instant since = parseHttpDate(ifModifiedSince);
            return since != null && lastModified.getEpochSecond() <= since.getEpochSecond();
        }
        return false;
    }

    public static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Instant parseHttpDate(String value) {
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
