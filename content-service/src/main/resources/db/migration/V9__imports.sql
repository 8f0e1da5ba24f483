-- Issue #22: imports of other blogs. A page imported from another blog is known by its key across imports (as
-- articles are by article.import_key), so importing the same source again updates rather than duplicates it.
ALTER TABLE page ADD COLUMN import_key VARCHAR(300) UNIQUE;

-- An import job: the source is read and stored in the background while the client follows its progress; the
-- report (counts and every item skipped or changed, with the reason) stays for the operator to read afterwards.
CREATE TABLE import_job (
    id           BIGSERIAL    PRIMARY KEY,
    format       VARCHAR(40)  NOT NULL,
    dry_run      BOOLEAN      NOT NULL,
    state        VARCHAR(16)  NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    requested_by VARCHAR(255) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    started_at   TIMESTAMPTZ,
    finished_at  TIMESTAMPTZ,
    -- {"phase": "...", "done": {"articles": n, ...}}
    progress     JSONB        NOT NULL DEFAULT '{}'::jsonb,
    -- the ImportReport, when it finished
    report       JSONB,
    -- the problem (RFC 9457 fields) when it failed
    problem      JSONB
);
CREATE INDEX import_job_created_idx ON import_job (created_at DESC);
