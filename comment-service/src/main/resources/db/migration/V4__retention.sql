-- Retention (service.RetentionService): each prune query finds its old rows through a partial index instead of
-- scanning the table; checked with EXPLAIN on 100k rows. Pending rows are in neither index.

-- delivered rows by age
CREATE INDEX outbox_event_delivered_idx ON outbox_event (dispatched_at)
    WHERE dispatched_at IS NOT NULL AND rejected_at IS NULL;

-- rejected rows by age
CREATE INDEX outbox_event_rejected_idx ON outbox_event (rejected_at) WHERE rejected_at IS NOT NULL;
