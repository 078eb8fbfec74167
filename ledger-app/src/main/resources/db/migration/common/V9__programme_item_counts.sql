-- What each programme item adds to its programme's counts, as the core's ItemCounts defines them, so every query
-- sums these columns instead of deciding again what "planned" means. A withdrawn item is neither planned nor added
-- later. Rows projected before this migration get their counts here, once, by that same definition; every row
-- projected after it gets them from the core.
ALTER TABLE dash_programme_item ADD COLUMN planned_items INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE dash_programme_item ADD COLUMN added_later_items INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE dash_programme_item ADD COLUMN completed_items INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE dash_programme_item ADD COLUMN completed_original_items INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE dash_programme_item ADD COLUMN completed_added_later_items INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE dash_programme_item ADD COLUMN withdrawn_items INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE dash_programme_item ADD COLUMN open_items INTEGER DEFAULT 0 NOT NULL;
UPDATE dash_programme_item SET
    planned_items = CASE WHEN status <> 'WITHDRAWN' AND NOT added_later THEN item_count ELSE 0 END,
    added_later_items = CASE WHEN status <> 'WITHDRAWN' AND added_later THEN item_count ELSE 0 END,
    completed_items = CASE WHEN status = 'COMPLETED' THEN item_count ELSE 0 END,
    completed_original_items = CASE WHEN status = 'COMPLETED' AND NOT added_later THEN item_count ELSE 0 END,
    completed_added_later_items = CASE WHEN status = 'COMPLETED' AND added_later THEN item_count ELSE 0 END,
    withdrawn_items = CASE WHEN status = 'WITHDRAWN' THEN item_count ELSE 0 END,
    open_items = CASE WHEN status = 'OPEN' THEN item_count ELSE 0 END;
