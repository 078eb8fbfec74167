-- Every event is hashed from now on (the append writes both columns; migration 6.1 hashed the older ones).
ALTER TABLE domain_event_entry ALTER COLUMN event_hash SET NOT NULL;
ALTER TABLE domain_event_entry ALTER COLUMN previous_hash SET NOT NULL;
