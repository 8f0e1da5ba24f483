-- Content schema: articles with taxonomy, revisions, read statistics and the transactional outbox.

CREATE TABLE category (
    id          BIGSERIAL PRIMARY KEY,
    slug        VARCHAR(200) NOT NULL UNIQUE,
    name        VARCHAR(100) NOT NULL UNIQUE,
    description VARCHAR(1000),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE tag (
    id         BIGSERIAL PRIMARY KEY,
    slug       VARCHAR(200) NOT NULL UNIQUE,
    name       VARCHAR(100) NOT NULL UNIQUE,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE series (
    id          BIGSERIAL PRIMARY KEY,
    slug        VARCHAR(200) NOT NULL UNIQUE,
    title       VARCHAR(200) NOT NULL UNIQUE,
    description VARCHAR(2000),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE article (
    id              BIGSERIAL PRIMARY KEY,
    slug            VARCHAR(200) NOT NULL UNIQUE,
    title           VARCHAR(200) NOT NULL,
    markdown        TEXT         NOT NULL,
    html            TEXT         NOT NULL,
    excerpt_html    TEXT         NOT NULL,
    plain_text      TEXT         NOT NULL,
    formulas        JSONB        NOT NULL DEFAULT '[]',
    diagnostics     JSONB        NOT NULL DEFAULT '[]',
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('DRAFT', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED')),
    published_at    TIMESTAMPTZ,
    scheduled_at    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    author_id       VARCHAR(255) NOT NULL,
    author_name     VARCHAR(100) NOT NULL,
    category_id     BIGINT REFERENCES category (id),
    series_id       BIGINT REFERENCES series (id),
    series_position INTEGER,
    cover_images    JSONB        NOT NULL DEFAULT '[]',
    reads           BIGINT       NOT NULL DEFAULT 0,
    comment_count   INTEGER,
    import_key      VARCHAR(300) UNIQUE,
    version         BIGINT       NOT NULL DEFAULT 1
);

CREATE INDEX article_published_idx ON article (status, published_at DESC);
CREATE INDEX article_updated_idx ON article (status, updated_at DESC);
CREATE INDEX article_reads_idx ON article (status, reads DESC);
CREATE INDEX article_category_idx ON article (category_id);
CREATE INDEX article_series_idx ON article (series_id, series_position);
CREATE INDEX article_scheduled_idx ON article (scheduled_at) WHERE status = 'SCHEDULED';
CREATE INDEX article_author_idx ON article (author_id);

CREATE TABLE article_tag (
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    tag_id     BIGINT NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tag_tag_idx ON article_tag (tag_id);

CREATE TABLE article_revision (
    id          BIGSERIAL PRIMARY KEY,
    article_id  BIGINT       NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    number      INTEGER      NOT NULL,
    title       VARCHAR(200) NOT NULL,
    markdown    TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    author_id   VARCHAR(255) NOT NULL,
    author_name VARCHAR(100) NOT NULL,
    note        VARCHAR(200),
    UNIQUE (article_id, number)
);

-- Reads per article and day, for "popular in the last N days".
CREATE TABLE article_daily_reads (
    article_id BIGINT NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    day        DATE   NOT NULL,
    reads      BIGINT NOT NULL,
    PRIMARY KEY (article_id, day)
);
CREATE INDEX article_daily_reads_day_idx ON article_daily_reads (day);

CREATE TABLE outbox_event (
    id                UUID PRIMARY KEY,
    seq               BIGSERIAL    NOT NULL UNIQUE, -- delivery order
    type              VARCHAR(64)  NOT NULL,
    aggregate_type    VARCHAR(32)  NOT NULL,
    aggregate_id      BIGINT       NOT NULL,
    aggregate_version BIGINT       NOT NULL,
    occurred_at       TIMESTAMPTZ  NOT NULL,
    payload           JSONB        NOT NULL,
    dispatched_at     TIMESTAMPTZ
);
CREATE INDEX outbox_event_pending_idx ON outbox_event (seq) WHERE dispatched_at IS NULL;
