-- Search side tables (DESIGN D6): the values the server's search parameters select from the mapped
-- FHIR resources of each trial, per base (r4, r5) and resource type. They are written in the same
-- transaction as the trial row, from the same extraction the in-memory index uses
-- (org.fhirtrials.search.DocumentExtractor), so both stores answer a search identically.
-- Every row carries its trial's NCT id: a changed trial's rows are deleted and written afresh.

-- One row per served resource. tokens holds "param key" for every exact-match key (token forms,
-- references, URIs) and a bare "param" for each parameter that has a value (for :missing).
-- Sort keys: the first value of each parameter, as the in-memory index sorts on it.
CREATE TABLE search_resource (
    base        text   NOT NULL,
    res_type    text   NOT NULL,
    res_id      text   COLLATE "C" NOT NULL,
    nct_id      text   NOT NULL,
    tokens      text[] NOT NULL,
    sort_text   jsonb  NOT NULL DEFAULT '{}',
    sort_number jsonb  NOT NULL DEFAULT '{}',
    -- _text / _content: the folded words of the trial's text (ResearchStudy only); title words
    -- weigh more in _sort=_score.
    text_body   tsvector,
    text_title  tsvector,
    PRIMARY KEY (base, res_type, res_id)
);
CREATE INDEX search_resource_nct_idx ON search_resource (nct_id);
CREATE INDEX search_resource_tokens_idx ON search_resource USING gin (tokens);
CREATE INDEX search_resource_text_idx ON search_resource USING gin (text_body);

-- String parameters: folded (case and accents removed) for the default starts-with and :contains,
-- and as published for :exact.
CREATE TABLE search_string (
    base     text NOT NULL,
    res_type text NOT NULL,
    param    text NOT NULL,
    res_id   text COLLATE "C" NOT NULL,
    nct_id   text NOT NULL,
    folded   text COLLATE "C" NOT NULL,
    exact    text NOT NULL
);
CREATE INDEX search_string_folded_idx ON search_string (base, res_type, param, folded);
CREATE INDEX search_string_exact_idx ON search_string (base, res_type, param, exact);
CREATE INDEX search_string_nct_idx ON search_string (nct_id);
-- a join from search_resource probes by id, whatever the planner estimates
CREATE INDEX search_string_res_idx ON search_string (base, res_type, param, res_id);

-- Folded words of concept texts and displays, for token :text (word starts-with).
CREATE TABLE search_word (
    base     text NOT NULL,
    res_type text NOT NULL,
    param    text NOT NULL,
    res_id   text COLLATE "C" NOT NULL,
    nct_id   text NOT NULL,
    word     text COLLATE "C" NOT NULL
);
CREATE INDEX search_word_idx ON search_word (base, res_type, param, word);
CREATE INDEX search_word_nct_idx ON search_word (nct_id);
-- a join from search_resource probes by id, whatever the planner estimates
CREATE INDEX search_word_res_idx ON search_word (base, res_type, param, res_id);

-- Dates as the millisecond range they cover (open Period ends are the bigint extremes).
CREATE TABLE search_date (
    base     text   NOT NULL,
    res_type text   NOT NULL,
    param    text   NOT NULL,
    res_id   text   COLLATE "C" NOT NULL,
    nct_id   text   NOT NULL,
    low      bigint NOT NULL,
    high     bigint NOT NULL
);
CREATE INDEX search_date_low_idx ON search_date (base, res_type, param, low);
CREATE INDEX search_date_high_idx ON search_date (base, res_type, param, high);
CREATE INDEX search_date_nct_idx ON search_date (nct_id);
-- a join from search_resource probes by id, whatever the planner estimates
CREATE INDEX search_date_res_idx ON search_date (base, res_type, param, res_id);

CREATE TABLE search_number (
    base     text   NOT NULL,
    res_type text   NOT NULL,
    param    text   NOT NULL,
    res_id   text   COLLATE "C" NOT NULL,
    nct_id   text   NOT NULL,
    value    double precision NOT NULL
);
CREATE INDEX search_number_idx ON search_number (base, res_type, param, value);
CREATE INDEX search_number_nct_idx ON search_number (nct_id);
-- a join from search_resource probes by id, whatever the planner estimates
CREATE INDEX search_number_res_idx ON search_number (base, res_type, param, res_id);

-- Positions for near: a bounding box on (lat, lon) pre-filters, the distance is computed exactly.
CREATE TABLE search_point (
    base     text   NOT NULL,
    res_type text   NOT NULL,
    param    text   NOT NULL,
    res_id   text   COLLATE "C" NOT NULL,
    nct_id   text   NOT NULL,
    lat      double precision NOT NULL,
    lon      double precision NOT NULL
);
CREATE INDEX search_point_idx ON search_point (base, res_type, param, lat, lon);
CREATE INDEX search_point_nct_idx ON search_point (nct_id);
-- a join from search_resource probes by id, whatever the planner estimates
CREATE INDEX search_point_res_idx ON search_point (base, res_type, param, res_id);
