package dev.spaces.content.importing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;

/** An import of another blog, run in the background; its progress and report are kept for the operator. */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    public enum State { QUEUED, RUNNING, SUCCEEDED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String format;

    @Column(name = "dry_run")
    public boolean dryRun;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> progress;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> report;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> problem;
}
