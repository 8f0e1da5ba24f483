-- Webhooks: subscriptions, one delivery row per (event, subscription), inbound event de-duplication, and the
-- notifications that wake the relays as soon as a transaction commits.

CREATE TABLE webhook_subscription (
    id                         BIGSERIAL PRIMARY KEY,
    url                        VARCHAR(2000) NOT NULL,
    events                     JSONB         NOT NULL,            -- array of event type names
    description                VARCHAR(500),
    active                     BOOLEAN       NOT NULL DEFAULT TRUE,
    disabled_reason            VARCHAR(300),
    secret                     VARCHAR(200)  NOT NULL,            -- whsec_…, kept as is (see README)
    previous_secret            VARCHAR(200),                      -- still signed with until it expires
    previous_secret_expires_at TIMESTAMPTZ,
    system_name                VARCHAR(100) UNIQUE,               -- set for subscriptions owned by configuration
    created_at                 TIMESTAMPTZ   NOT NULL,
    updated_at                 TIMESTAMPTZ   NOT NULL,
    version                    BIGINT        NOT NULL DEFAULT 0,
    -- the relay replica currently delivering this subscription's queue (never mapped by JPA)
    lease_owner                VARCHAR(64),
    lease_until                TIMESTAMPTZ,
    -- the receiver was unavailable: the whole queue waits (in order) until the head delivery's retry
    held_until                 TIMESTAMPTZ
);

CREATE TABLE webhook_delivery (
    id               BIGSERIAL PRIMARY KEY,
    subscription_id  BIGINT        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id         UUID          NOT NULL,                      -- outbox event (or ping) id
    event_seq        BIGINT        NOT NULL,                      -- delivery order per subscription
    event_type       VARCHAR(64)   NOT NULL,
    message_id       VARCHAR(64)   NOT NULL UNIQUE,               -- webhook-id: stable across retries
    body             TEXT          NOT NULL,                      -- the exact envelope sent on every attempt
    status           VARCHAR(16)   NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         INTEGER       NOT NULL DEFAULT 0,            -- all attempts ever made
    schedule_step    INTEGER       NOT NULL DEFAULT 0,            -- attempts since (re)queued: index into the backoff
    next_attempt_at  TIMESTAMPTZ,
    last_attempt_at  TIMESTAMPTZ,
    last_status_code INTEGER,
    last_error       VARCHAR(500),
    last_duration_ms INTEGER,
    created_at       TIMESTAMPTZ   NOT NULL,
    queued_at        TIMESTAMPTZ   NOT NULL,                      -- created or redelivered: start of the retry budget
    delivered_at     TIMESTAMPTZ,
    UNIQUE (subscription_id, event_id)
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (subscription_id, event_seq, id) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_next_idx ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_listing_idx ON webhook_delivery (subscription_id, id DESC);

-- Events relayed by other services (comment-service's outbox), de-duplicated by their webhook-id.
CREATE TABLE webhook_inbound_event (
    webhook_id      VARCHAR(200) PRIMARY KEY,
    event_type      VARCHAR(64)  NOT NULL,
    outbox_event_id UUID,                                        -- the outbox event it became
    received_at     TIMESTAMPTZ  NOT NULL
);

-- Wake the relays on commit (NOTIFY is delivered at commit and folded per transaction).
CREATE FUNCTION spaces_notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_event', '');
    RETURN NULL;
END $$;

CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION spaces_notify_outbox();

CREATE FUNCTION spaces_notify_webhook_delivery() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('webhook_delivery', '');
    RETURN NULL;
END $$;

-- Only rows due (about) now: the relay's own bookkeeping (results, long backoffs) wakes nobody.
CREATE TRIGGER webhook_delivery_notify AFTER INSERT OR UPDATE OF status, next_attempt_at ON webhook_delivery
    FOR EACH ROW WHEN (NEW.status = 'PENDING' AND NEW.next_attempt_at <= clock_timestamp() + INTERVAL '1 second')
    EXECUTE FUNCTION spaces_notify_webhook_delivery();

CREATE TRIGGER webhook_subscription_notify AFTER UPDATE OF active ON webhook_subscription
    FOR EACH ROW WHEN (NEW.active AND NOT OLD.active)
    EXECUTE FUNCTION spaces_notify_webhook_delivery();
