-- Each party's current Chinese name in the record directory, kept in the events' own transaction, so that a record
-- (GET /api/agreements/{id} and the others) names its parties consistently with the writes acknowledged so far.
-- Parties registered before this migration take the name the dashboards' projection holds; the next registration
-- or rename of each keeps it from then on.
ALTER TABLE record_directory ADD COLUMN name_zh VARCHAR(500);
UPDATE record_directory SET name_zh = (SELECT p.name_zh FROM dash_party p WHERE p.code = record_directory.record_id)
    WHERE record_type = 'PARTY';
