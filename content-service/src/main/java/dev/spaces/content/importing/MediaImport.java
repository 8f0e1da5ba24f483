package dev.spaces.content.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spaces.commons.migration.bundle.MediaItemRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * [mig-export] A media library item from a Spaces export: its row, with its number (cover images name it) and the
 * storage keys of its files. The bytes are not in the bundle: files are content-addressed, so once the media
 * directory or bucket is copied (e.g. {@code ./spaces backup}) every key finds its file. An item whose upload is here
 * already (same SHA-256) is left as it is.
 */
@ApplicationScoped
class MediaImport {

    private final EntityManager em;
    private final ObjectMapper json;

    MediaImport(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    enum Outcome { CREATED, RENUMBERED, PRESENT }

    Outcome restore(MediaItemRecord record) {
        if (!em.createNativeQuery("SELECT 1 FROM media WHERE upload_hash = ?1").setParameter(1, record.uploadHash())
                .getResultList().isEmpty()) {
            return Outcome.PRESENT;
        }
        boolean idFree = em.createNativeQuery("SELECT 1 FROM media WHERE id = ?1").setParameter(1, record.id())
                .getResultList().isEmpty();
        String files;
        try {
            files = json.writeValueAsString(record.files());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var insert = em.createNativeQuery("INSERT INTO media (" + (idFree ? "id, " : "") + "upload_hash, mime_type, "
                        + "filename, width, height, bytes, alt, caption, files, uploaded_by, created_at, updated_at, "
                        + "version) VALUES (" + (idFree ? ":id, " : "") + ":hash, :mime, :name, :width, :height, "
                        + ":bytes, :alt, :caption, CAST(:files AS jsonb), :by, :created, :updated, 1)")
                .setParameter("hash", record.uploadHash()).setParameter("mime", record.mimeType())
                .setParameter("name", record.fileName()).setParameter("width", record.width())
                .setParameter("height", record.height()).setParameter("bytes", record.bytes())
                .setParameter("alt", record.alt()).setParameter("caption", record.caption())
                .setParameter("files", files)
                .setParameter("by", record.uploadedBy() != null ? record.uploadedBy() : "import")
                .setParameter("created", record.createdAt()).setParameter("updated", record.updatedAt());
        if (idFree) {
            insert.setParameter("id", record.id());
        }
        insert.executeUpdate();
        return idFree ? Outcome.CREATED : Outcome.RENUMBERED;
    }

    /** New uploads get numbers above the restored ones. */
    void finish() {
        em.createNativeQuery("SELECT setval(pg_get_serial_sequence('media', 'id'), "
                + "(SELECT COALESCE(MAX(id), 0) + 1 FROM media), false)").getSingleResult();
    }
}
