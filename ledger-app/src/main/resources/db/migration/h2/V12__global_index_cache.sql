-- H2 only. With NO CACHE, H2 commits the whole store each time it hands out a global position (Sequence.flush),
-- so every event cost a file write of its own on top of its transaction's commit: imports in batches still wrote
-- once per event, and the file grew by a chunk per event. With a cache, H2 persists the sequence once per 1,000
-- values. H2 file mode has one process, so values are still handed out in request order. Values cached but not
-- used when the process is killed are skipped after the restart (at most 1,000 positions): a gap below
-- Axon's maxGapOffset (10,000) that the processors track and clean after ledger.cluster.gap-timeout like any
-- other gap; no event is lost or reordered. PITFALLS' allocation-size-1 rule is about pooled sequences shared by
-- several nodes (PostgreSQL), which H2 file mode never has; PostgreSQL keeps its own migration.
ALTER TABLE domain_event_entry ALTER COLUMN global_index SET CACHE 1000;
