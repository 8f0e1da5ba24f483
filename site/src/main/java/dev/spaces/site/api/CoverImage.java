package dev.spaces.site.api;

public record CoverImage(Long mediaId, String url, String caption, String alt, Integer width, Integer height,
                         String srcset) {
}
