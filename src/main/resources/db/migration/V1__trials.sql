-- One row per trial, keyed by NCT id. The domain record is the JSONB document (TrialJson); the
-- other columns are derived from it on write, for idempotent upserts and for search.
CREATE TABLE trial (
    nct_id         text        PRIMARY KEY,
    version_id     bigint      NOT NULL CHECK (version_id >= 1),
    last_updated   timestamptz NOT NULL,
    -- SHA-256 of the serialised record: an equal record is a no-op, a different one a new version.
    content_hash   bytea       NOT NULL,
    content        jsonb       NOT NULL,
    overall_status text,
    phases         text[]      NOT NULL DEFAULT '{}',
    conditions     text[]      NOT NULL DEFAULT '{}',
    title          text,
    title_tsv      tsvector    GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, ''))) STORED
);

CREATE INDEX trial_overall_status_idx ON trial (overall_status);
CREATE INDEX trial_phases_idx ON trial USING gin (phases);
CREATE INDEX trial_conditions_idx ON trial USING gin (conditions);
CREATE INDEX trial_title_tsv_idx ON trial USING gin (title_tsv);
