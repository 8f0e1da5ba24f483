package dev.spaces.content.media;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

@ApplicationScoped
public class MediaRepository implements PanacheRepository<MediaItem> {

    /** An article that refers to a media item. */
    public record Use(long id, String title, String slug, String status) {
    }

    public Optional<MediaItem> findByUploadHash(String hash) {
        return find("uploadHash", hash).firstResultOptional();
    }

    /** The item one of whose files has this hash (GIN index on files). */
    public Optional<MediaItem> findByFileHash(String hash) {
        @SuppressWarnings("unchecked")
        List<MediaItem> items = getEntityManager().createNativeQuery(
                        "SELECT * FROM media WHERE files @> CAST(:probe AS jsonb) LIMIT 1", MediaItem.class)
                .setParameter("probe", "[{\"hash\":\"" + hash + "\"}]")
                .getResultList();
        return items.stream().findFirst();
    }

    /** Whether any item other than {@code exceptId} keeps a file with this hash (identical renditions share a blob). */
    public boolean fileHashUsedElsewhere(String hash, long exceptId) {
        Number n = (Number) getEntityManager().createNativeQuery(
                        "SELECT count(*) FROM media WHERE id <> :id AND files @> CAST(:probe AS jsonb)")
                .setParameter("id", exceptId)
                .setParameter("probe", "[{\"hash\":\"" + hash + "\"}]")
                .getSingleResult();
        return n.longValue() > 0;
    }

    /** A page, newest first; {@code mimeType} and {@code text} (in alt, caption or filename) narrow it. */
    public List<MediaItem> page(String mimeType, String text, int page, int size) {
        Filter filter = filter(mimeType, text);
        return find(filter.query(), Sort.descending("createdAt").and("id", Sort.Direction.Descending), filter.params())
                .page(Page.of(page - 1, size)).list();
    }

    public long count(String mimeType, String text) {
        Filter filter = filter(mimeType, text);
        return count(filter.query(), filter.params());
    }

    private record Filter(String query, Parameters params) {
    }

    private static Filter filter(String mimeType, String text) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (mimeType != null) {
            query.append(" and mimeType = :mime");
            params.and("mime", mimeType);
        }
        if (text != null && !text.isBlank()) {
            query.append(" and (lower(alt) like :text escape '\\' or lower(caption) like :text escape '\\'"
                    + " or lower(filename) like :text escape '\\')");
            String escaped = text.strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.and("text", "%" + escaped + "%");
        }
        return new Filter(query.toString(), params);
    }

    /**
     * Articles whose Markdown or cover images refer to the item: {@code media:<id>} (not followed by another digit)
     * or one of its file URLs ({@code /media/<hash>/}). Read off the articles on every call rather than kept in a
     * table, so imports, restores and edits need not report their references; a site's few thousand articles scan
     * in milliseconds.
     */
    public List<Use> usage(MediaItem item) {
        String hashes = item.files.stream().map(MediaFile::hash).collect(Collectors.joining("|"));
        String pattern = "media:" + item.id + "([^0-9]|$)" + (hashes.isEmpty() ? "" : "|/media/(" + hashes + ")/");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(
                        "SELECT a.id, a.title, a.slug, a.status FROM article a WHERE a.markdown ~ :pattern"
                                + " OR EXISTS (SELECT 1 FROM jsonb_array_elements(a.cover_images) c"
                                + " WHERE c->>'url' ~ :pattern OR c->>'mediaId' = :id) ORDER BY a.id")
                .setParameter("pattern", pattern)
                .setParameter("id", String.valueOf(item.id))
                .getResultList();
        return rows.stream().map(r -> new Use(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3])).toList();
    }
}
