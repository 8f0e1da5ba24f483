package dev.spaces.commons.migration.bundle;

import java.time.Instant;
import java.util.List;

/**
 * [mig-export] What only a Spaces export knows of an article or page beyond its {@link ArticleRecord}: its exact
 * state, the accounts behind it and its cover images. Written right after its article's line; an importer that does
 * not know it may ignore it (the article record alone is a fair approximation).
 *
 * @param articleKey  the {@link ArticleRecord#key()} it completes
 * @param status      the Spaces status as stored: {@code DRAFT}, {@code SCHEDULED}, {@code PUBLISHED},
 *                    {@code ARCHIVED} (an article record says {@code PRIVATE} for an archived one)
 * @param publishedAt when it went public ({@code scheduledAt}: when it will), exactly as stored
 * @param authorId    the account that wrote it; {@code updatedBy} (pages) the one that changed it last
 * @param covers      the article's cover images, in order: media library items by id (their files travel as
 *                    {@link MediaItemRecord}s), or plain URLs
 */
public record ArticleStateRecord(String articleKey, String status, Instant publishedAt, Instant scheduledAt,
                                 String authorId, String updatedBy, List<Cover> covers) implements BundleRecord {

    /** A cover image; {@code mediaId} names a {@link MediaItemRecord#id()}, else only the URL is known. */
    public record Cover(Long mediaId, String url, String caption, String alt, Integer width, Integer height,
                        String srcset) {
    }

    public ArticleStateRecord {
        covers = covers == null ? List.of() : List.copyOf(covers);
    }

    @Override
    public String kind() {
        return "article-state";
    }
}
