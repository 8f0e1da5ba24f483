package dev.spaces.content.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A saved state of an article's title and source; every save adds one. */
@Entity
@Table(name = "article_revision")
public class ArticleRevision {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "article_id")
    public Long articleId;
    public int number;
    public String title;
    public String markdown;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "author_id")
    public String authorId;
    @Column(name = "author_name")
    public String authorName;
    public String note;
}
