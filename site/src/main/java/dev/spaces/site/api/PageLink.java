package dev.spaces.site.api;

/** A page in the menu ({@code GET /api/v1/pages}). */
public record PageLink(String slug, String title, Integer menuOrder) {
}
