-- One row while a node rebuilds a processor's projections (ProjectionRebuild, RebuildLease). The other nodes sharing
-- this database see it and keep away from the processor's segments, so the rebuilding node can claim them all; the
-- rebuilding node renews seen_at, and a row it stopped renewing for a claim timeout (it died) no longer counts.
CREATE TABLE projection_rebuild (
    processor_name VARCHAR(255) PRIMARY KEY,
    node_id        VARCHAR(255) NOT NULL,
    started_by     VARCHAR(255),
    started_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    head           BIGINT NOT NULL,
    seen_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
