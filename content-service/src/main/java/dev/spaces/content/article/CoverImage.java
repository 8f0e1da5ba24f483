package dev.spaces.content.article;

/** An illustration shown with the article (URL may be absent for imported captions). */
public record CoverImage(String url, String caption, String alt) {
}
