-- One row per import run as a job (POST /api/imports answered 202; ImportJobs). The node running it writes its
-- progress here about once a second (seen_at), so any node of a cluster answers GET /api/imports/{id}, and a job
-- whose node stopped writing (it was stopped or died) is shown as interrupted with the rows it had committed.
CREATE TABLE import_job (
    job_id         VARCHAR(36) PRIMARY KEY,
    state          VARCHAR(16) NOT NULL,
    format         VARCHAR(8) NOT NULL,
    started_by     VARCHAR(255),
    node_id        VARCHAR(255) NOT NULL,
    rows_total     BIGINT NOT NULL,
    rows_done      BIGINT NOT NULL,
    rows_committed BIGINT NOT NULL,
    rows_refused   BIGINT NOT NULL,
    posted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE,
    finished_at    TIMESTAMP WITH TIME ZONE,
    seen_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    error          VARCHAR(1000),
    -- the import report (JSON, the body a synchronous import answers), once the job is done
    report         TEXT
);
CREATE INDEX import_job_posted ON import_job (posted_at);
