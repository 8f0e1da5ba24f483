-- Issue 20 (Studio's backing API): the site's settings, standalone pages (About, FAQ, licence…) and preview links
-- that open a draft article without an account.

-- One row: the settings document as an admin last wrote it. A JSON document rather than a column per field, since
-- what a reader site needs grows (links, FAQ, sponsor…) and is always read and written whole. The row is inserted at
-- the first start with defaults from the deployment's configuration (SiteSettingsService), not here: the site URL
-- and time zone come from configuration a migration cannot read.
CREATE TABLE site_settings (
    id         SMALLINT     PRIMARY KEY CHECK (id = 1),
    settings   JSONB        NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL,
    updated_by VARCHAR(255) NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 1
);

-- Pages keep their Markdown only: they are few and small, and are rendered when read (the public read cache keeps
-- the answer), so a new pipeline version needs no re-rendering pass as articles do.
CREATE TABLE page (
    id           BIGSERIAL    PRIMARY KEY,
    slug         VARCHAR(200) NOT NULL UNIQUE,
    title        VARCHAR(200) NOT NULL,
    markdown     TEXT         NOT NULL,
    status       VARCHAR(16)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    -- position in the reader site's menu (ascending); NULL: the page is not in the menu
    menu_order   INTEGER,
    published_at TIMESTAMPTZ,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    author_id    VARCHAR(255) NOT NULL,
    updated_by   VARCHAR(255) NOT NULL,
    version      BIGINT       NOT NULL DEFAULT 1
);
CREATE INDEX page_menu_idx ON page (status, menu_order);

-- A preview link of a draft. The token is not stored: it is an HMAC of (id, expires_at) under the preview secret,
-- so a copy of the database does not open drafts, and the list of links can show each URL again. The row exists so
-- that a link can be revoked before it expires.
CREATE TABLE preview_link (
    id         BIGSERIAL    PRIMARY KEY,
    article_id BIGINT       NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    expires_at TIMESTAMPTZ  NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    created_by VARCHAR(255) NOT NULL,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX preview_link_article_idx ON preview_link (article_id, expires_at);

-- The public content generation (V3) moves with the settings (always public) and with pages that are or were
-- published, so the read cache never serves a stale /api/v1/site or /api/v1/pages answer. Preview links are in no
-- cached answer (their reads are private, no-store).
CREATE CONSTRAINT TRIGGER site_settings_content_generation AFTER INSERT OR UPDATE OR DELETE ON site_settings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION spaces_taxonomy_generation();

CREATE FUNCTION spaces_page_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.status <> 'PUBLISHED' THEN RETURN NULL; END IF;
    ELSIF TG_OP = 'DELETE' THEN
        IF OLD.status <> 'PUBLISHED' THEN RETURN NULL; END IF;
    ELSIF OLD.status <> 'PUBLISHED' AND NEW.status <> 'PUBLISHED' THEN
        RETURN NULL; -- drafts are in no public answer
    END IF;
    PERFORM spaces_bump_content_generation();
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER page_content_generation AFTER INSERT OR UPDATE OR DELETE ON page
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION spaces_page_generation();
