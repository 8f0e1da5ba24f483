package dev.spaces.content.page;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A standalone page (About, FAQ, licence…): Markdown with LaTeX, outside the article stream. */
@Entity
@Table(name = "page")
public class Page {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;

    public String title;

    public String markdown;

    @Enumerated(EnumType.STRING)
    public PageStatus status;

    @Column(name = "menu_order")
    public Integer menuOrder;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "author_id")
    public String authorId;

    @Column(name = "updated_by")
    public String updatedBy;

    /** Identifies a page imported from another blog across imports (source key and the source's item key). */
    @Column(name = "import_key")
    public String importKey;

    @Version
    public long version;

    public boolean isPublic() {
        return status == PageStatus.PUBLISHED;
    }
}
