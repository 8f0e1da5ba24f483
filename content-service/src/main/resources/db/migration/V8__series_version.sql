-- Studio's series screen reorders a series' parts with If-Match on the series (issue 20): the version names the
-- order (and title, slug, description) an editor last read, so two editors reordering at once cannot silently
-- undo each other. Every series write increments it.
ALTER TABLE series ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
