package dev.spaces.content.article;

import dev.spaces.commons.markdown.FormulaDiagnostic;
import dev.spaces.commons.markdown.MathFormula;
import dev.spaces.content.taxonomy.Category;
import dev.spaces.content.taxonomy.Series;
import dev.spaces.content.taxonomy.Tag;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@Entity
@Table(name = "article")
public class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;
    public String title;
    // The bodies are loaded only when read (one query for all of them): lists and series navigation need none of
    // them, and loading ~40 KB of text and JSON per listed article dominated the list's cost (bench/run, JFR).
    @Basic(fetch = FetchType.LAZY)
    public String markdown;
    @Basic(fetch = FetchType.LAZY)
    public String html;
    @Column(name = "excerpt_html")
    public String excerptHtml;
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "plain_text")
    public String plainText;

    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    public List<MathFormula> formulas = new ArrayList<>();
    @Basic(fetch = FetchType.LAZY)
    @JdbcTypeCode(SqlTypes.JSON)
    public List<FormulaDiagnostic> diagnostics = new ArrayList<>();
    /** The pipeline version that rendered html, excerptHtml and formulas (see ArticleRerenderer). */
    @Column(name = "render_version")
    public String renderVersion = "";

    @Enumerated(EnumType.STRING)
    public ArticleStatus status = ArticleStatus.DRAFT;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "scheduled_at")
    public Instant scheduledAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "author_id")
    public String authorId;
    @Column(name = "author_name")
    public String authorName;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    public Category category;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "series_id")
    public Series series;
    @Column(name = "series_position")
    public Integer seriesPosition;

    @ManyToMany(fetch = FetchType.LAZY)
    @jakarta.persistence.OrderBy("name")
    @JoinTable(name = "article_tag", joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    public Set<Tag> tags = new LinkedHashSet<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "cover_images")
    public List<CoverImage> coverImages = new ArrayList<>();

    /** Changed only by the buffered read counter's SQL, never by entity updates that could overwrite it. */
    @Column(updatable = false)
    public long reads;
    @Column(name = "comment_count")
    public Integer commentCount;
    @Column(name = "import_key")
    public String importKey;

    @Version
    public long version;

    public boolean isPublic() {
        return status == ArticleStatus.PUBLISHED;
    }
}
