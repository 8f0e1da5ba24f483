-- Retention (service.RetentionService): each prune query finds its old rows through a partial index instead of
-- scanning the table; checked with EXPLAIN on 100k rows.

-- dispatched outbox rows by age (the pending index covers the undispatched ones)
CREATE INDEX outbox_event_dispatched_idx ON outbox_event (dispatched_at) WHERE dispatched_at IS NOT NULL;

-- delivered and dead-lettered deliveries by age; PENDING rows are in neither
CREATE INDEX webhook_delivery_delivered_idx ON webhook_delivery (delivered_at) WHERE status = 'DELIVERED';
CREATE INDEX webhook_delivery_failed_idx ON webhook_delivery ((GREATEST(queued_at, last_attempt_at)))
    WHERE status = 'FAILED';

CREATE INDEX webhook_inbound_event_received_idx ON webhook_inbound_event (received_at);
