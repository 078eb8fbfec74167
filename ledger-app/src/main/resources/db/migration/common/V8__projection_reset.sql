-- A row here means the projection tables were reset and must be emptied before the next event is applied.
-- The reset writes it in the transaction that resets the processor's tokens; the first batch after it empties the
-- tables (TRUNCATE, which H2 commits at once) and removes it, so a crash at any point leaves either the old tables
-- with the old tokens, or the mark, which the next batch acts on.
CREATE TABLE dash_reset_pending (
    marker INT NOT NULL PRIMARY KEY
);
