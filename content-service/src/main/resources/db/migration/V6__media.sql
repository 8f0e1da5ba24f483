-- Media library (issue 19): uploaded images, their renditions, alt text and caption.
-- Which articles use an item is not stored: it is read off the articles' Markdown and cover images when asked
-- (MediaRepository.usage), so every write path (editor, import, restore) is covered without hooking into them.

CREATE TABLE media (
    id          BIGSERIAL PRIMARY KEY,
    -- SHA-256 of the uploaded bytes: the same bytes uploaded again find this row instead of a new one
    upload_hash VARCHAR(64)   NOT NULL UNIQUE,
    mime_type   VARCHAR(32)   NOT NULL,
    filename    VARCHAR(255)  NOT NULL,
    width       INTEGER       NOT NULL,
    height      INTEGER       NOT NULL,
    -- size of the stored original (re-encoded, metadata stripped), not of the upload
    bytes       BIGINT        NOT NULL,
    alt         VARCHAR(500),
    caption     VARCHAR(2000),
    -- the stored files: [{hash, mimeType, width, height, bytes, original}]; the hash is the storage key and part
    -- of the file's URL (/media/<hash>/<name>), so a URL never changes meaning and can be cached for a year
    files       JSONB         NOT NULL DEFAULT '[]',
    uploaded_by VARCHAR(255)  NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL,
    version     BIGINT        NOT NULL DEFAULT 1
);

CREATE INDEX media_created_idx ON media (created_at DESC, id DESC);
CREATE INDEX media_mime_idx ON media (mime_type);
-- serving finds the item of a file hash: GET /media/<hash>/<name>
CREATE INDEX media_files_idx ON media USING GIN (files jsonb_path_ops);
