-- Comment ids come from the sequence in blocks of 50 (Hibernate's pooled optimizer), so a new comment's id is known
-- before its INSERT: a top-level comment's thread_id (its own id) is then written by that INSERT instead of a
-- second UPDATE of the row.
ALTER SEQUENCE comment_id_seq INCREMENT BY 50;
