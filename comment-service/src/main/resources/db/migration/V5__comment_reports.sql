-- Reports of approved comments by members (service.ReportService). A report stays open until a moderator decides on
-- the comment (keep, reject or spam); the decision closes every open report of that comment at once.

CREATE TABLE comment_report (
    id          BIGSERIAL PRIMARY KEY,
    comment_id  BIGINT       NOT NULL REFERENCES comment (id) ON DELETE CASCADE,
    member_id   BIGINT       NOT NULL REFERENCES member (id),
    reason      VARCHAR(16)  NOT NULL CHECK (reason IN ('spam', 'abuse', 'off-topic', 'other')),
    note        VARCHAR(500),
    created_at  TIMESTAMPTZ  NOT NULL,
    closed_at   TIMESTAMPTZ,
    closed_by   BIGINT REFERENCES member (id),
    decision    VARCHAR(16)
);

-- one open report per member per comment: a second report while the first is open is answered with the first
CREATE UNIQUE INDEX comment_report_open_once_idx ON comment_report (comment_id, member_id) WHERE closed_at IS NULL;
-- the Reported queue groups open reports by comment
CREATE INDEX comment_report_open_idx ON comment_report (comment_id) WHERE closed_at IS NULL;

-- how many open reports a moderator's decision closed ("reports dismissed" when the comment was kept)
ALTER TABLE moderation_action ADD COLUMN reports_closed INTEGER NOT NULL DEFAULT 0;
