package dev.spaces.content.exporting;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.migration.bundle.ArticleRecord;
import dev.spaces.commons.migration.bundle.ArticleStateRecord;
import dev.spaces.commons.migration.bundle.MediaItemRecord;
import dev.spaces.commons.migration.bundle.RevisionRecord;
import dev.spaces.commons.migration.bundle.SeriesRecord;
import dev.spaces.commons.migration.bundle.SettingsRecord;
import dev.spaces.commons.migration.bundle.TermRecord;
import dev.spaces.commons.migration.bundle.WebhookRecord;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads content's tables, in a {@link Snapshot}, as bundle records: what both exports (bundle and WXR) write. Keys are
 * made from what identifies an item here and survives an import: {@code article:<id>}, {@code page:<id>},
 * {@code category:<slug>}, {@code tag:<slug>}, {@code series:<slug>}.
 */
final class ContentRows {

    /** Articles read and held at once (their text included): a few MB at most, whatever the site's size. */
    static final int BATCH = 100;

    private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {
    };
    private static final TypeReference<List<ArticleStateRecord.Cover>> COVERS = new TypeReference<>() {
    };
    private static final TypeReference<List<MediaItemRecord.File>> FILES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final Snapshot db;
    private final ObjectMapper json;

    ContentRows(Snapshot db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    interface Each<T> {
        void accept(T item) throws Exception;
    }

    /** An article or page with what only Spaces knows of it; {@code html} only when asked for (WXR). */
    record Item(ArticleRecord article, ArticleStateRecord state, String html) {
    }

    SettingsRecord settings() throws Exception {
        List<SettingsRecord> rows = db.list("SELECT settings::text AS settings, updated_at, updated_by "
                + "FROM site_settings WHERE id = 1", List.of(), row -> new SettingsRecord(
                json.readValue(row.getString("settings"), DOCUMENT), Snapshot.instant(row, "updated_at"),
                row.getString("updated_by")));
        return rows.isEmpty() ? null : rows.getFirst();
    }

    void categories(Each<TermRecord> each) throws Exception {
        db.each("SELECT slug, name, description FROM category ORDER BY id", List.of(), row -> each.accept(
                new TermRecord(TermRecord.Type.CATEGORY, "category:" + row.getString("slug"), row.getString("slug"),
                        row.getString("name"), row.getString("description"), null, null)));
    }

    void tags(Each<TermRecord> each) throws Exception {
        db.each("SELECT slug, name FROM tag ORDER BY id", List.of(), row -> each.accept(
                new TermRecord(TermRecord.Type.TAG, "tag:" + row.getString("slug"), row.getString("slug"),
                        row.getString("name"), null, null, null)));
    }

    void series(Each<SeriesRecord> each) throws Exception {
        db.each("SELECT slug, title, description FROM series ORDER BY id", List.of(), row -> each.accept(
                new SeriesRecord("series:" + row.getString("slug"), row.getString("slug"), row.getString("title"),
                        row.getString("description"))));
    }

    void media(String siteUrl, Each<MediaItemRecord> each) throws Exception {
        db.each("SELECT id, upload_hash, mime_type, filename, width, height, bytes, alt, caption, files::text AS files, "
                + "uploaded_by, created_at, updated_at FROM media ORDER BY id", List.of(), row -> {
            List<MediaItemRecord.File> files = json.readValue(row.getString("files"), FILES);
            String mimeType = row.getString("mime_type");
            String url = files.stream().filter(f -> f.original() && f.mimeType().equals(mimeType))
                    .findFirst().map(f -> siteUrl + "/media/" + f.hash() + "/" + f.name()).orElse(null);
            each.accept(new MediaItemRecord(row.getLong("id"), row.getString("upload_hash"),
                    row.getString("mime_type"), row.getString("filename"), row.getInt("width"), row.getInt("height"),
                    row.getLong("bytes"), row.getString("alt"), row.getString("caption"), files, url,
                    row.getString("uploaded_by"), Snapshot.instant(row, "created_at"),
                    Snapshot.instant(row, "updated_at")));
        });
    }

    /** Every article, by number, a batch at a time; {@code revisions} are read only when asked for. */
    void articles(boolean withHtml, Each<Item> each) throws Exception {
        long after = Long.MIN_VALUE;
        while (true) {
            List<Object[]> batch = db.list("SELECT a.id, a.slug, a.title, a.markdown, a.status, a.published_at, "
                    + "a.scheduled_at, a.created_at, a.updated_at, a.author_id, a.author_name, c.slug AS category, "
                    + "s.slug AS series, a.series_position, a.cover_images::text AS covers, a.reads, "
                    + (withHtml ? "a.html " : "NULL AS html ")
                    + "FROM article a LEFT JOIN category c ON c.id = a.category_id "
                    + "LEFT JOIN series s ON s.id = a.series_id WHERE a.id > ? ORDER BY a.id LIMIT " + BATCH,
                    List.of(after), row -> new Object[]{row.getLong("id"), articleRow(row)});
            if (batch.isEmpty()) {
                return;
            }
            Map<Long, List<String>> tags = tagsOf(batch.stream().map(b -> (Long) b[0]).toList());
            for (Object[] entry : batch) {
                Item item = ((Partial) entry[1]).complete(tags.getOrDefault((Long) entry[0], List.of()));
                each.accept(item);
                after = (Long) entry[0];
            }
        }
    }

    /** An article row before its tags are known. */
    private record Partial(ArticleRecord article, ArticleStateRecord state, String html) {
        Item complete(List<String> tagKeys) {
            ArticleRecord a = article;
            return new Item(new ArticleRecord(a.id(), a.key(), a.type(), a.slug(), a.title(), a.body(), a.format(),
                    a.status(), a.createdAt(), a.modifiedAt(), a.publishedAt(), a.authorKey(), a.authorName(),
                    a.categoryKeys(), tagKeys, a.seriesKey(), a.seriesPosition(), a.reads(), a.commentsOpen(),
                    a.menuOrder(), a.revisions(), a.parentId(), a.excerpt()), state, html);
        }
    }

    private Partial articleRow(ResultSet row) throws SQLException {
        long id = row.getLong("id");
        String key = "article:" + id;
        String status = row.getString("status");
        String category = row.getString("category");
        String series = row.getString("series");
        List<ArticleStateRecord.Cover> covers;
        try {
            covers = json.readValue(row.getString("covers"), COVERS);
        } catch (java.io.IOException e) {
            throw new SQLException("article " + id + ": cover images are not readable", e);
        }
        var publishedAt = Snapshot.instant(row, "published_at");
        var scheduledAt = Snapshot.instant(row, "scheduled_at");
        ArticleRecord.Status common = switch (status) {
            case "PUBLISHED" -> ArticleRecord.Status.PUBLISHED;
            case "SCHEDULED" -> ArticleRecord.Status.SCHEDULED;
            case "ARCHIVED" -> ArticleRecord.Status.PRIVATE; // out of every list, as a private post elsewhere
            default -> ArticleRecord.Status.DRAFT;
        };
        // the bundle's convention: a scheduled article's publication date is when it will go public
        var commonPublishedAt = "SCHEDULED".equals(status) ? scheduledAt : publishedAt;
        ArticleRecord article = new ArticleRecord(id, key, ArticleRecord.Type.POST, row.getString("slug"),
                row.getString("title"), row.getString("markdown"), ArticleRecord.Format.MARKDOWN, common,
                Snapshot.instant(row, "created_at"), Snapshot.instant(row, "updated_at"), commonPublishedAt,
                null, row.getString("author_name"), category == null ? List.of() : List.of("category:" + category),
                List.of(), series == null ? null : "series:" + series, Snapshot.integer(row, "series_position"),
                row.getLong("reads"), true, null, List.of(), null, null);
        ArticleStateRecord state = new ArticleStateRecord(key, status, publishedAt, scheduledAt,
                row.getString("author_id"), null, covers);
        return new Partial(article, state, row.getString("html"));
    }

    private Map<Long, List<String>> tagsOf(List<Long> ids) throws Exception {
        Map<Long, List<String>> tags = new HashMap<>();
        db.each("SELECT at.article_id, t.slug FROM article_tag at JOIN tag t ON t.id = at.tag_id "
                        + "WHERE at.article_id = ANY (?) ORDER BY at.article_id, t.name",
                List.of(db.array("bigint", ids.toArray())), row -> tags.computeIfAbsent(row.getLong("article_id"),
                        k -> new ArrayList<>()).add("tag:" + row.getString("slug")));
        return tags;
    }

    /** An article's revisions, oldest first, one at a time. */
    void revisions(long articleId, Each<RevisionRecord> each) throws Exception {
        db.each("SELECT number, title, markdown, created_at, author_id, author_name, note FROM article_revision "
                + "WHERE article_id = ? ORDER BY number", List.of(articleId), row -> each.accept(new RevisionRecord(
                "article:" + articleId, row.getInt("number"), Snapshot.instant(row, "created_at"),
                row.getString("title"), row.getString("markdown"), row.getString("author_id"),
                row.getString("author_name"), row.getString("note"))));
    }

    void pages(Each<Item> each) throws Exception {
        db.each("SELECT id, slug, title, markdown, status, menu_order, published_at, created_at, updated_at, "
                + "author_id, updated_by FROM page ORDER BY id", List.of(), row -> {
            long id = row.getLong("id");
            String key = "page:" + id;
            String status = row.getString("status");
            var publishedAt = Snapshot.instant(row, "published_at");
            ArticleRecord page = new ArticleRecord(id, key, ArticleRecord.Type.PAGE, row.getString("slug"),
                    row.getString("title"), row.getString("markdown"), ArticleRecord.Format.MARKDOWN,
                    "PUBLISHED".equals(status) ? ArticleRecord.Status.PUBLISHED : ArticleRecord.Status.DRAFT,
                    Snapshot.instant(row, "created_at"), Snapshot.instant(row, "updated_at"), publishedAt, null,
                    null, List.of(), List.of(), null, null, 0, false, Snapshot.integer(row, "menu_order"), List.of(),
                    null, null);
            each.accept(new Item(page, new ArticleStateRecord(key, status, publishedAt, null,
                    row.getString("author_id"), row.getString("updated_by"), List.of()), null));
        });
    }

    /** Who wrote the articles and pages: account id and the name shown (a page's: its author's on articles). */
    Map<String, String> authors() throws Exception {
        Map<String, String> authors = new java.util.LinkedHashMap<>();
        db.each("SELECT author_id, MIN(author_name) AS name FROM article GROUP BY author_id ORDER BY author_id",
                List.of(), row -> authors.put(row.getString("author_id"), row.getString("name")));
        db.each("SELECT DISTINCT author_id FROM page ORDER BY author_id", List.of(),
                row -> authors.putIfAbsent(row.getString("author_id"), row.getString("author_id")));
        return authors;
    }

    /** Article numbers that a page's number would collide with in a WXR file (one numbering for both there). */
    boolean articleExists(long id) throws Exception {
        return !db.list("SELECT 1 FROM article WHERE id = ?", List.of(id), row -> 1).isEmpty();
    }

    long highestArticleId() throws Exception {
        return db.list("SELECT COALESCE(MAX(id), 0) AS m FROM article", List.of(), row -> row.getLong("m")).getFirst();
    }

    /** Subscriptions made through the API; their secrets stay here (see {@link WebhookRecord}). */
    void webhooks(Each<WebhookRecord> each) throws Exception {
        db.each("SELECT id, url, events::text AS events, description, active, disabled_reason, created_at, "
                + "updated_at FROM webhook_subscription WHERE system_name IS NULL ORDER BY id", List.of(), row ->
                each.accept(new WebhookRecord(row.getLong("id"), row.getString("url"),
                        json.readValue(row.getString("events"), STRINGS), row.getString("description"),
                        row.getBoolean("active"), row.getString("disabled_reason"), Snapshot.instant(row, "created_at"),
                        Snapshot.instant(row, "updated_at"))));
    }
}
