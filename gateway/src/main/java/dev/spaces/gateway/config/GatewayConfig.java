package dev.spaces.gateway.config;

import dev.spaces.gateway.domain.OldLinks;
import dev.spaces.gateway.domain.RouteClass;
import dev.spaces.gateway.domain.RouteTable;
import dev.spaces.gateway.domain.Upstream;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "spaces.gateway")
public interface GatewayConfig {

    Upstreams upstreams();

    Http http();

    Resilience resilience();

    RouteClasses routeClasses();

    /** Largest request body forwarded; larger ones are 413 before they reach a service. */
    @WithDefault("2M")
    MemorySize maxBodySize();

    /**
     * Largest upload to the media library ({@code POST /api/v1/media}): content-service takes files up to 20 MB
     * ({@code spaces.media.max-bytes}) and answers a larger one itself with a 413 that names its limit, so the edge
     * lets a little more through (multipart framing) and stops only what content-service would never read.
     */
    @WithDefault("24M")
    MemorySize maxUploadSize();

    /**
     * Largest import file ({@code POST /api/v1/imports}: a blog's dump, WXR or bundle file); content-service streams
     * it to disk and has the same limit ({@code spaces.content.imports.max-bytes}).
     */
    @WithDefault("1G")
    MemorySize maxImportSize();

    /** The body limit of a request to {@code path}. */
    default long maxBodySize(String path) {
        if (RouteTable.acceptsImports(path)) {
            return maxImportSize().asLongValue();
        }
        return RouteTable.acceptsUploads(path) ? maxUploadSize().asLongValue() : maxBodySize().asLongValue();
    }

    /**
     * Longest request target (path and query) accepted; longer ones are 414 problem+json. Vert.x's codec limit
     * ({@code quarkus.http.limits.max-initial-line-length}) is set far above it and only backs it up: the codec
     * answers a bare {@code HTTP/1.0 414} with no body, and Quarkus offers no hook to change that answer.
     */
    @WithDefault("8192")
    int maxUrlLength();

    /** Largest total size of the request's header fields (names and values); over it, 431 problem+json. */
    @WithDefault("16K")
    MemorySize maxHeaderSize();

    /** Proxies (CIDR) whose X-Forwarded-For is believed when finding the client address for rate limits. */
    List<String> trustedProxies();

    Cache cache();

    Events events();

    OpenApi openapi();

    Readiness readiness();

    Page page();

    SecurityHeaders securityHeaders();

    Studio studio();

    OldLinksConfig oldLinks();

    default URI url(Upstream upstream) {
        return switch (upstream) {
            case CONTENT -> upstreams().content();
            case COMMENT -> upstreams().comment();
            case SEARCH -> upstreams().search();
            case SITE -> upstreams().site();
        };
    }

    default RouteClassConfig routeClass(RouteClass routeClass) {
        return switch (routeClass) {
            case READS -> routeClasses().reads();
            case WRITES -> routeClasses().writes();
            case SEARCH -> routeClasses().search();
            case AUTH_SENSITIVE -> routeClasses().authSensitive();
        };
    }

    interface Upstreams {
        URI content();

        URI comment();

        URI search();

        /** The reader site's service (module site), not its public URL. */
        URI site();
    }

    interface Http {
        @WithDefault("PT1S")
        Duration connectTimeout();

        /** Pooled keep-alive connections per upstream (HTTP/1.1), shared out evenly among the event loops. */
        @WithDefault("64")
        int maxConnectionsPerUpstream();

        /**
         * Upstream answers that declare a Content-Length up to this size are read whole and written to the client in
         * one go (one write instead of one per received piece); larger ones and answers of unknown length (chunked)
         * stream through with back-pressure. 0 streams every answer.
         */
        @WithDefault("1M")
        MemorySize bufferedResponseMaxSize();

        /** Idle pooled connections are closed after this. */
        @WithDefault("PT60S")
        Duration keepAliveTimeout();
    }

    interface Resilience {
        /** Extra attempts for idempotent GET/HEAD requests whose upstream failed before answering. */
        @WithDefault("2")
        int getRetries();

        @WithDefault("PT0.05S")
        Duration retryBackoff();

        /** Consecutive failures (within the window) that open an upstream's circuit. */
        @WithDefault("10")
        int breakerMaxFailures();

        @WithDefault("PT30S")
        Duration breakerFailureWindow();

        /** How long an open circuit fails fast before it lets a trial request through. */
        @WithDefault("PT5S")
        Duration breakerResetTimeout();
    }

    interface RouteClasses {
        RouteClassConfig reads();

        RouteClassConfig writes();

        RouteClassConfig search();

        RouteClassConfig authSensitive();
    }

    interface RouteClassConfig {
        /** Upstream idle timeout: no response byte for this long is a 504. */
        Duration timeout();

        /** Requests per window for one client address (anonymous callers). */
        long perClient();

        /** Requests per window for one token subject (signed-in callers). */
        long perSubject();

        @WithDefault("PT1M")
        Duration window();
    }

    interface Cache {
        @WithDefault("true")
        boolean enabled();

        /** Total bytes of cached bodies (the cache is bounded by weight). */
        @WithDefault("64M")
        MemorySize maxSize();

        /** Responses larger than this are streamed and never cached. */
        @WithDefault("1M")
        MemorySize maxEntrySize();

        /** Upper bound on an entry's life, whatever max-age the upstream sends (events purge earlier). */
        @WithDefault("PT5M")
        Duration maxTtl();

        /** The gzip copy kept next to each cached text answer. */
        Compression compression();

        /**
         * Readers' browsers all send {@code Accept-Encoding: gzip}: an article page full of MathML shrinks about
         * sevenfold, so the bytes on the wire (and the time to write them) fall with it. The copy is made once per
         * entry, off the event loop, and served to every client that accepts gzip; the others get the identity copy.
         */
        interface Compression {
            @WithDefault("true")
            boolean enabled();

            /** Smaller answers are not worth a copy (gzip's header and trailer alone are 18 bytes). */
            @WithDefault("1K")
            MemorySize minSize();

            /** Deflate level 1–9: paid once per entry, so the smallest output is worth the CPU. */
            @WithDefault("9")
            int level();
        }

        /**
         * The other replicas, as {@code host:port} entries, that a purge event received here is passed on to. A host
         * is resolved to all its A/AAAA records on every event, so one headless Service name
         * ({@code gateway-headless.spaces.svc:8080}) covers every pod; literal addresses suit local runs. This
         * replica's own address may be listed (it is skipped). Empty: purges stay on the receiving replica.
         */
        Optional<List<String>> peers();

        /** Connect and answer timeout of one forward to a peer. */
        @WithDefault("PT2S")
        Duration peerTimeout();

        /** Further attempts for a peer that failed or did not answer 2xx (after 0.2 s, then 5× longer each). */
        @WithDefault("2")
        int peerRetries();

        /** Webhook-ids remembered to drop repeated purge events (bounded; entries live twice the tolerance). */
        @WithDefault("10000")
        int seenEventIds();
    }

    interface Events {
        /** Standard Webhooks secrets (whsec_…) accepted on /internal/events; several while rotating. */
        Optional<List<String>> secrets();

        @WithDefault("PT5M")
        Duration tolerance();
    }

    interface OpenApi {
        @WithDefault("PT1M")
        Duration refreshInterval();

        /**
         * How soon a service whose document the gateway does not have yet (it was down or starting when the gateway
         * started) is asked again; until then the merged document lacks its operations.
         */
        @WithDefault("PT2S")
        Duration missingRetryInterval();

        @WithDefault("PT3S")
        Duration fetchTimeout();
    }

    interface Readiness {
        @WithDefault("PT5S")
        Duration probeInterval();

        @WithDefault("PT2S")
        Duration probeTimeout();

        /** Upstreams without which the gateway reports not ready; the others are only reported. */
        @WithDefault("content")
        List<Upstream> required();
    }

    interface Page {
        @WithDefault("5")
        int relatedLimit();
    }

    interface SecurityHeaders {
        /** Sent only on requests that arrived over https (directly or per X-Forwarded-Proto from a trusted proxy). */
        @WithDefault("max-age=31536000; includeSubDomains")
        String strictTransportSecurity();

        @WithDefault("default-src 'none'; frame-ancestors 'none'")
        String contentSecurityPolicy();

        @WithDefault("no-referrer")
        String referrerPolicy();
    }

    /** Studio, the authors' web app (module studio), served at /studio from the studio jar's META-INF/resources. */
    interface Studio {
        /**
         * The OpenID Connect issuer the browser logs in with, as the browser reaches it (the public Keycloak URL):
         * given to the app at /studio/config.json and allowed in its Content-Security-Policy.
         */
        URI issuer();

        /** The public client of the code flow with PKCE. */
        @WithDefault("spaces-web")
        String clientId();
    }

    /**
     * Old links (issue #22): the URL shapes of the blog engine a site came from (Typecho's {@code /archives/12/},
     * WordPress's {@code /?p=12}…) answered with 301 to their new homes on the reader site ({@link OldLinks}).
     */
    interface OldLinksConfig {
        @WithDefault("true")
        boolean enabled();

        /** Which engines' shapes are recognised: typecho, wordpress. */
        @WithDefault("typecho,wordpress")
        List<OldLinks.Dialect> shapes();

        /**
         * The site's public address (e.g. {@code https://kexue.fm}, or {@code https://example.org/blog} when the
         * gateway is mounted under a path) to write absolute Locations with. Unset: Locations are relative references
         * ({@code /archives/12}), which the browser resolves against the address it asked for — right behind any
         * proxy that keeps the path, whatever its host and scheme.
         */
        Optional<URI> publicBase();

        /** How long browsers and shared caches may keep a redirect (Cache-Control max-age). */
        @WithDefault("P1D")
        Duration maxAge();
    }
}
