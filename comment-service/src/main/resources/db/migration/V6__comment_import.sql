-- Comment import (importing.CommentImporter): comments of another blog keep their numbers, guests keep their web
-- address, and each imported comment and member remembers its source, so importing the same source again updates
-- what changed and leaves the rest alone instead of duplicating it.

-- a guest's web address as the source had it (shown nowhere yet; exported again)
ALTER TABLE comment ADD COLUMN guest_url VARCHAR(500);

-- which source a comment came from and a digest of its record as last imported: same digest → unchanged
CREATE TABLE comment_import (
    comment_id  BIGINT       PRIMARY KEY REFERENCES comment (id) ON DELETE CASCADE,
    source_key  VARCHAR(200) NOT NULL,
    record_hash VARCHAR(64)  NOT NULL,
    imported_at TIMESTAMPTZ  NOT NULL
);

-- a source's user (its key, e.g. user:1) and the member it became (matched or created in Keycloak)
CREATE TABLE member_import (
    source_key  VARCHAR(200) NOT NULL,
    member_key  VARCHAR(200) NOT NULL,
    member_id   BIGINT       NOT NULL REFERENCES member (id),
    record_hash VARCHAR(64)  NOT NULL,
    imported_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (source_key, member_key)
);
CREATE INDEX member_import_member_idx ON member_import (member_id);
