package dev.spaces.content.taxonomy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "series")
public class Series {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String slug;
    public String title;
    public String description;
    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
    /**
     * Incremented by every write of the series (its fields or its parts' order) by the service itself, not by
     * {@code @Version}: a reorder changes no column of this row, and If-Match is checked under a row lock.
     */
    public long version;
}
