-- The public content generation: one number that changes, in the writing transaction itself, whenever a public
-- answer could change (an article that is or was published, its tags, any category, tag or series). Each replica's
-- public read cache keys its entries by it and retires them when it moves (LISTEN content_generation, and a poll).
--
-- Triggers rather than calls in the services: every write path (API, import, scheduled publishing, taxonomy
-- deletes that cascade, a future one) bumps it, and none can forget to. They are deferred constraint triggers, so
-- the row lock on content_generation is taken at commit, once per transaction, after every other lock: a long
-- import does not hold it for minutes, and writers cannot deadlock on it.
-- The read counter's flush changes only article.reads and does not bump it: reads in cached answers may lag by the
-- cache's time to live (spaces.content.read-cache.time-to-live), so a view never retires the whole cache.

CREATE TABLE content_generation (
    id         SMALLINT    PRIMARY KEY CHECK (id = 1),
    generation BIGINT      NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);
INSERT INTO content_generation (id, generation, changed_at) VALUES (1, 1, now());

CREATE FUNCTION spaces_bump_content_generation() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    -- once per transaction (the setting is transaction-local)
    IF current_setting('spaces.content_generation_bumped', true) = 'on' THEN
        RETURN;
    END IF;
    PERFORM set_config('spaces.content_generation_bumped', 'on', true);
    UPDATE content_generation SET generation = generation + 1, changed_at = now() WHERE id = 1;
    PERFORM pg_notify('content_generation', '');
END $$;

CREATE FUNCTION spaces_article_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'PUBLISHED' THEN RETURN NULL; END IF;
    ELSIF TG_OP = 'DELETE' THEN
        IF OLD.status <> 'PUBLISHED' THEN RETURN NULL; END IF;
    ELSE
        -- drafts, scheduled and archived articles are in no public answer
        IF OLD.status <> 'PUBLISHED' AND NEW.status <> 'PUBLISHED' THEN RETURN NULL; END IF;
        -- the read counter (only reads changed); the whole-row comparison runs only when reads did change
        IF NEW.reads IS DISTINCT FROM OLD.reads AND (to_jsonb(NEW) - 'reads') = (to_jsonb(OLD) - 'reads') THEN
            RETURN NULL;
        END IF;
    END IF;
    PERFORM spaces_bump_content_generation();
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER article_content_generation AFTER INSERT OR UPDATE OR DELETE ON article
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION spaces_article_generation();

CREATE FUNCTION spaces_article_tag_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- runs at commit: the article's status then is the one the public sees
    IF EXISTS (SELECT 1 FROM article WHERE id = COALESCE(NEW.article_id, OLD.article_id) AND status = 'PUBLISHED') THEN
        PERFORM spaces_bump_content_generation();
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER article_tag_content_generation AFTER INSERT OR UPDATE OR DELETE ON article_tag
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION spaces_article_tag_generation();

CREATE FUNCTION spaces_taxonomy_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM spaces_bump_content_generation();
    RETURN NULL;
END $$;

-- every category, tag and series is public (the taxonomy lists show empty ones too)
CREATE CONSTRAINT TRIGGER category_content_generation AFTER INSERT OR UPDATE OR DELETE ON category
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION spaces_taxonomy_generation();
CREATE CONSTRAINT TRIGGER tag_content_generation AFTER INSERT OR UPDATE OR DELETE ON tag
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION spaces_taxonomy_generation();
CREATE CONSTRAINT TRIGGER series_content_generation AFTER INSERT OR UPDATE OR DELETE ON series
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION spaces_taxonomy_generation();
