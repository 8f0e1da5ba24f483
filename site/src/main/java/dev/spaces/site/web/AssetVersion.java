package dev.spaces.site.web;

import dev.spaces.commons.text.Digests;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A short hash of the stylesheet and script, added to their URLs ({@code ?v=}), so that browsers and the gateway may
 * keep them for a year and a new release is still fetched at once.
 */
@ApplicationScoped
public class AssetVersion {

    private final String version;

    public AssetVersion() {
        StringBuilder all = new StringBuilder();
        for (String asset : new String[]{"site.css", "site.js"}) {
            try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/assets/" + asset)) {
                if (in != null) {
                    all.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        this.version = Digests.sha256Hex(all.toString(), 5);
    }

    public String version() {
        return version;
    }
}
