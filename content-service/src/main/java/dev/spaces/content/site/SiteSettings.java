package dev.spaces.content.site;

import dev.spaces.content.site.api.SiteSettingsRequest;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** The one row of {@code site_settings}: the settings document, who changed it last and its version. */
@Entity
@Table(name = "site_settings")
public class SiteSettings {

    /** There is one site per deployment: the row's id is always 1. */
    public static final short ID = 1;

    @Id
    public Short id;

    /**
     * Stored in the form it is written in: a field added to {@link SiteSettingsRequest} reads as null from older
     * rows (so new fields must be optional or get a default in the service); renaming or removing one needs a
     * migration of the stored JSON.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    public SiteSettingsRequest settings;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public long version;
}
