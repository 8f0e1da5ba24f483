package dev.spaces.gateway.rest;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Studio's hashed assets in the Brotli or gzip copy the studio build made next to each file ({@code scripts/compress.mjs}):
 * compressing at the highest level once at build time beats compressing per request (Quarkus's own compression would
 * redo it on every response, at a lower level). A browser that accepts neither, or a file without copies, falls through
 * to the static resource handler. The copies are immutable (their names carry the content hash), so each is read from
 * the jar once and kept: all of them together are a few hundred kilobytes.
 */
@ApplicationScoped
public class PrecompressedAssets {

    private static final String ASSETS = StudioRoutes.BASE + "assets/";
    /** Only plain file names: nothing that could walk out of the assets folder. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+\\.(js|css|svg|json|map)");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript;charset=UTF-8",
            "css", "text/css;charset=UTF-8", "svg", "image/svg+xml", "json", "application/json", "map", "application/json");
    /** Preferred first: Brotli is ~15 % smaller than gzip on these files. */
    private static final List<Encoding> ENCODINGS = List.of(new Encoding("br", ".br"), new Encoding("gzip", ".gz"));

    private final Map<String, Optional<Buffer>> copies = new ConcurrentHashMap<>();

    void install(@Observes Router router) {
        router.get(ASSETS + "*").order(StudioRoutes.ORDER).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        String path = ctx.request().path();
        String name = path.substring(ASSETS.length());
        var matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            ctx.next();
            return;
        }
        // caches between here and the browser must keep the variants apart, the identity one included
        ctx.response().putHeader(HttpHeaders.VARY, "Accept-Encoding");
        String accepted = ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING);
        for (Encoding encoding : ENCODINGS) {
            if (!accepts(accepted, encoding.token())) {
                continue;
            }
            // on the event loop: a copy is read from the jar once (a few milliseconds at most), then served from memory
            Optional<Buffer> copy = copies.computeIfAbsent(path + encoding.suffix(), PrecompressedAssets::read);
            if (copy.isPresent()) {
                ctx.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, TYPES.get(matcher.group(1)))
                        .putHeader(HttpHeaders.CONTENT_ENCODING, encoding.token())
                        .end(copy.get());
                return;
            }
        }
        ctx.next();
    }

    /** Whether an Accept-Encoding value accepts a coding (RFC 9110 §12.5.3: listed, or *, and not with q=0). */
    static boolean accepts(String acceptEncoding, String coding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean wildcard = null;
        for (String element : acceptEncoding.split(",")) {
            String[] parts = element.trim().split(";");
            String token = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
                if (parameter.matches("q=0(\\.0{0,3})?")) {
                    refused = true;
                }
            }
            if (token.equals(coding)) {
                return !refused;
            }
            if (token.equals("*")) {
                wildcard = !refused;
            }
        }
        return Boolean.TRUE.equals(wildcard);
    }

    private static Optional<Buffer> read(String path) {
        try (InputStream in = PrecompressedAssets.class.getClassLoader()
                .getResourceAsStream("META-INF/resources" + path)) {
            return in == null ? Optional.empty() : Optional.of(Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path + " from the studio jar", e);
        }
    }

    private record Encoding(String token, String suffix) {
    }
}
