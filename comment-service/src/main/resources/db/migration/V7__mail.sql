-- Mail (mail.*): reply notifications, new-comment mail for article authors, moderation digests.
-- The dispatcher reads outbox_event with a cursor of its own (independent of the event relay's dispatched_at),
-- writes one mail_delivery per (source, recipient, kind), and the sender sends the pending ones over SMTP.

-- What a member wants: replies (notify_on_reply, V1), new comments on their own articles (authors), the moderation
-- digest (moderators), and the language of their mail. An unsubscribe link switches the matching one off.
ALTER TABLE member
    ADD COLUMN notify_on_new_comment BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN moderation_digest     BOOLEAN     NOT NULL DEFAULT TRUE,
    ADD COLUMN mail_language         VARCHAR(8)  NOT NULL DEFAULT 'zh-CN' CHECK (mail_language IN ('zh-CN', 'en'));

-- How far the dispatcher has read the outbox (seq), and when the last digest window was handled. It starts at the
-- events already there: nobody is mailed for what happened before mail existed.
CREATE TABLE mail_cursor (
    name     VARCHAR(32) PRIMARY KEY,
    last_seq BIGINT      NOT NULL
);
INSERT INTO mail_cursor (name, last_seq) SELECT 'outbox', COALESCE(max(seq), 0) FROM outbox_event;

CREATE TABLE mail_delivery (
    id              BIGSERIAL PRIMARY KEY,
    -- the outbox event's id, or digest:<window start> for a digest
    source          VARCHAR(80)  NOT NULL,
    kind            VARCHAR(16)  NOT NULL CHECK (kind IN ('reply', 'new-comment', 'digest')),
    member_id       BIGINT       NOT NULL REFERENCES member (id),
    to_address      VARCHAR(320) NOT NULL,
    subject         VARCHAR(300) NOT NULL,
    html_body       TEXT         NOT NULL,
    text_body       TEXT         NOT NULL,
    unsubscribe_url VARCHAR(1000) NOT NULL,
    status          VARCHAR(16)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'DROPPED', 'FAILED')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    last_error      VARCHAR(500),
    created_at      TIMESTAMPTZ  NOT NULL,
    sent_at         TIMESTAMPTZ,
    -- an event the dispatcher sees twice (a crash before its cursor moved, a redelivery) mails nobody twice
    CONSTRAINT mail_delivery_once UNIQUE (source, member_id, kind)
);
CREATE INDEX mail_delivery_due_idx ON mail_delivery (id) WHERE status = 'PENDING';
CREATE INDEX mail_delivery_member_idx ON mail_delivery (member_id);
