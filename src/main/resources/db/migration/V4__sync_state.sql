-- The watermark of `sync` from the ClinicalTrials.gov API: the start time of the last run that
-- completed, one row per source and filter set (SyncOptions.stateKey). Written only when a whole
-- run completes, so a failed run is redone from the same window.
CREATE TABLE sync_state (
    sync_key     text        PRIMARY KEY,
    watermark    timestamptz NOT NULL,
    completed_at timestamptz NOT NULL
);
