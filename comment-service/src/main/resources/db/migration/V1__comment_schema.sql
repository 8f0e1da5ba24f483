-- Members (provisioned from Keycloak tokens), threaded comments, votes, edit history, moderation audit, outbox.

CREATE TABLE member (
    id              BIGSERIAL PRIMARY KEY,
    subject         VARCHAR(255) NOT NULL UNIQUE,
    username        VARCHAR(255),
    display_name    VARCHAR(40)  NOT NULL,
    email           VARCHAR(320),
    website         VARCHAR(500),
    bio             VARCHAR(500),
    notify_on_reply BOOLEAN      NOT NULL DEFAULT TRUE,
    moderator       BOOLEAN      NOT NULL DEFAULT FALSE,
    joined_at       TIMESTAMPTZ  NOT NULL,
    deleted_at      TIMESTAMPTZ,
    version         BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE comment (
    id               BIGSERIAL PRIMARY KEY,
    article_id       BIGINT       NOT NULL,
    parent_id        BIGINT REFERENCES comment (id),
    thread_id        BIGINT,
    depth            INTEGER      NOT NULL,
    member_id        BIGINT REFERENCES member (id),
    guest_name       VARCHAR(40),
    guest_email      VARCHAR(320),
    body_source      TEXT         NOT NULL,
    body_html        TEXT         NOT NULL,
    body_text        TEXT         NOT NULL,
    formulas         JSONB        NOT NULL DEFAULT '[]',
    renderer_version VARCHAR(32)  NOT NULL,
    body_hash        VARCHAR(64)  NOT NULL,
    status           VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'SPAM')),
    hold_reason      VARCHAR(200),
    pinned           BOOLEAN      NOT NULL DEFAULT FALSE,
    deleted          BOOLEAN      NOT NULL DEFAULT FALSE,
    votes            INTEGER      NOT NULL DEFAULT 0,
    client_network   VARCHAR(64),
    created_at       TIMESTAMPTZ  NOT NULL,
    edited_at        TIMESTAMPTZ,
    version          BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX comment_article_idx ON comment (article_id, status, thread_id, created_at);
CREATE INDEX comment_thread_idx ON comment (thread_id, created_at);
CREATE INDEX comment_status_idx ON comment (status, created_at DESC);
CREATE INDEX comment_member_recent_idx ON comment (member_id, body_hash, created_at DESC);

CREATE TABLE comment_edit (
    id          BIGSERIAL PRIMARY KEY,
    comment_id  BIGINT      NOT NULL REFERENCES comment (id) ON DELETE CASCADE,
    body_source TEXT        NOT NULL,
    replaced_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX comment_edit_comment_idx ON comment_edit (comment_id);

CREATE TABLE comment_vote (
    comment_id BIGINT      NOT NULL REFERENCES comment (id) ON DELETE CASCADE,
    member_id  BIGINT      NOT NULL REFERENCES member (id),
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (comment_id, member_id)
);

CREATE TABLE moderation_action (
    id           BIGSERIAL PRIMARY KEY,
    comment_id   BIGINT       NOT NULL REFERENCES comment (id),
    moderator_id BIGINT       NOT NULL REFERENCES member (id),
    action       VARCHAR(16)  NOT NULL,
    reason       VARCHAR(500),
    at           TIMESTAMPTZ  NOT NULL
);
CREATE INDEX moderation_action_at_idx ON moderation_action (at DESC);

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
