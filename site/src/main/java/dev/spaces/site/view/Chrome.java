package dev.spaces.site.view;

import dev.spaces.site.api.PageLink;
import dev.spaces.site.api.SiteSettings;

import java.util.List;

/**
 * What every page's frame shows: the blog's name and description, the menu of standalone pages, the licence line,
 * and the addresses the head links to (canonical URL, feeds). {@code path} is the page's own path, canonical under
 * the site's configured URL whatever host the request came through.
 */
public record Chrome(SiteSettings site, List<PageLink> menu, String path, String assetVersion, boolean noindex,
                     String viewer) {

    public String name() {
        return site.name();
    }

    public String canonical() {
        return Urls.absolute(site.siteUrl(), path);
    }

    public String siteUrl() {
        return Urls.absolute(site.siteUrl(), "/");
    }

    public boolean signedIn() {
        return viewer != null;
    }

    // ---- comments: the header's sign-in link comes back to this page
    public String loginUrl() {
        return Urls.login(path == null ? "/" : path);
    }

    public Chrome withNoindex() {
        return new Chrome(site, menu, path, assetVersion, true, viewer);
    }

    // ---- browse: the menu entries drawn from the site settings (FAQ, licence, sponsor), each only when the
    // settings have something to show and no published page of that slug already says it (then the menu's page link
    // is the entry, and /faq etc. redirect to it)
    public boolean hasPage(String slug) {
        return menu.stream().anyMatch(p -> slug.equals(p.slug()));
    }

    public boolean faqEntry() {
        return !site.faq().isEmpty() && !hasPage("faq");
    }

    public boolean licenseEntry() {
        return site.license() != null && !hasPage("license");
    }

    public boolean sponsorEntry() {
        return (site.sponsor() != null || site.participation() != null) && !hasPage("sponsor");
    }
    // ---- end browse
}
