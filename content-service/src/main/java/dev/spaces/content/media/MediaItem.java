package dev.spaces.content.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An uploaded image: the stored original, its renditions, and the words that go with it. */
@Entity
@Table(name = "media")
public class MediaItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "upload_hash")
    public String uploadHash;
    @Column(name = "mime_type")
    public String mimeType;
    public String filename;
    public int width;
    public int height;
    public long bytes;
    public String alt;
    public String caption;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<MediaFile> files = new ArrayList<>();

    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** The stored original in the uploaded format. */
    public MediaFile original() {
        return files.stream().filter(f -> f.original() && f.mimeType().equals(mimeType)).findFirst()
                .orElseThrow(() -> new IllegalStateException("media " + id + " has no original"));
    }
}
