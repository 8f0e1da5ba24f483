-- The event relay (events.EventRelay) delivers outbox rows to content-service. It keeps its retry state on the
-- row, delivers each aggregate's events in order, and is woken at commit by the same NOTIFY as content-service's.

ALTER TABLE outbox_event
    ADD COLUMN attempts        INTEGER NOT NULL DEFAULT 0,  -- failed attempts so far
    ADD COLUMN next_attempt_at TIMESTAMPTZ,                 -- not tried again before this (backoff)
    ADD COLUMN last_error      VARCHAR(500),
    ADD COLUMN rejected_at     TIMESTAMPTZ;                 -- refused for good by the receiver (also dispatched_at)

-- "the oldest undelivered event of this aggregate": only that one may go
CREATE INDEX outbox_event_aggregate_pending_idx ON outbox_event (aggregate_type, aggregate_id, seq)
    WHERE dispatched_at IS NULL;

CREATE FUNCTION spaces_notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_event', '');
    RETURN NULL;
END $$;

-- NOTIFY is delivered at commit and folded per transaction: one wake-up per committing transaction.
CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION spaces_notify_outbox();
