package dev.spaces.content.article;

/**
 * An illustration shown with the article. Either a media library item ({@code mediaId}: its file URL, srcset and
 * intrinsic size are copied in when the article is saved — media files are content-addressed and never change, so
 * the copy cannot go stale — and caption/alt default to the item's) or any URL (imported blogs' images, which may
 * even lack a URL and keep only their caption). Stored as JSON; rows written before media ids existed read as
 * URL-only images.
 */
public record CoverImage(Long mediaId, String url, String caption, String alt, Integer width, Integer height,
                         String srcset) {

    public static CoverImage ofUrl(String url, String caption, String alt) {
        return new CoverImage(null, url, caption, alt, null, null, null);
    }
}
