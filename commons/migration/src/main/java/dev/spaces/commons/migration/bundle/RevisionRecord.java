package dev.spaces.commons.migration.bundle;

import java.time.Instant;

/**
 * [mig-export] One saved version of an article's text, as a Spaces export writes it: right after its article's line,
 * one line per revision, oldest first (a line each rather than a list in the article, so an article saved a thousand
 * times does not make one huge line). Other sources give none ({@link ArticleRecord#revisions()} stays for them).
 *
 * @param articleKey the {@link ArticleRecord#key()} of the article it belongs to
 * @param number     its number among the article's revisions (1, 2, …), kept so links to a revision stay valid
 * @param authorId   the account that saved it ({@code authorName} the name shown)
 */
public record RevisionRecord(String articleKey, int number, Instant savedAt, String title, String body,
                             String authorId, String authorName, String note) implements BundleRecord {

    @Override
    public String kind() {
        return "revision";
    }
}
