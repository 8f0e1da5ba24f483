package dev.spaces.site.web;

import dev.spaces.site.api.PageLink;
import dev.spaces.site.api.SiteSettings;
import dev.spaces.site.client.ContentReader;
import dev.spaces.site.client.UpstreamUnavailable;
import dev.spaces.site.view.Chrome;
import dev.spaces.site.view.Dates;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The frame every page is drawn in (site name, menu, licence). The settings come from content-service; when it is
 * down there is no page to show but an error page, and that one is drawn with {@link #fallback} so it still has
 * the site's look.
 */
@ApplicationScoped
public class Frames {

    private final ContentReader content;
    private final AssetVersion assets;

    public Frames(ContentReader content, AssetVersion assets) {
        this.content = content;
        this.assets = assets;
    }

    public Chrome chrome(String path, String viewer) {
        SiteSettings site = content.site();
        List<PageLink> menu;
        try {
            menu = content.menu();
        } catch (UpstreamUnavailable e) {
            menu = List.of(); // the menu is a nicety; the page can do without it
        }
        return new Chrome(site, menu, path, assets.version(), false, viewer);
    }

    public Dates dates(Chrome chrome) {
        return new Dates(chrome.site().timeZone());
    }

    /** A frame without the settings (content-service unavailable): a generic name, no menu, not indexed. */
    public Chrome fallback(String path) {
        SiteSettings site = new SiteSettings("Spaces", null, null, "/", "UTC", "zh-CN", null, null, null, List.of(),
                0);
        return new Chrome(site, List.of(), path, assets.version(), true, null);
    }
}
