-- References by target, for chained search and _revinclude.
--
-- A reference is also a token of its resource ("site Location/NCT…-site-3" in search_resource.tokens),
-- which finds the targets of one resource, but finding the resources that point to many targets
-- was a GIN probe per target: 7,720 probes, 0.6 s and more, for the studies with a site in Boston
-- at 100k trials (and PostgreSQL plans "tokens && <thousands of keys>" as a scan comparing every
-- row's tokens with every key: minutes). One row per reference, indexed by target, makes it one
-- B-tree lookup per target.
CREATE TABLE search_reference (
    base     text NOT NULL,
    res_type text NOT NULL,
    param    text NOT NULL,
    res_id   text COLLATE "C" NOT NULL,
    nct_id   text NOT NULL,
    -- the relative reference, Type/id
    target   text COLLATE "C" NOT NULL
);

-- the references already indexed: tokens "param Type/id" (the form PostgresSearchIndexer writes)
INSERT INTO search_reference (base, res_type, param, res_id, nct_id, target)
SELECT r.base, r.res_type, split_part(t, ' ', 1), r.res_id, r.nct_id,
       substr(t, strpos(t, ' ') + 1)
FROM search_resource r, unnest(r.tokens) t
WHERE t ~ '^[^ ]+ [A-Z][A-Za-z]*/[A-Za-z0-9.-]{1,64}$';

CREATE INDEX search_reference_target_idx ON search_reference (base, res_type, param, target)
    INCLUDE (res_id);
CREATE INDEX search_reference_nct_idx ON search_reference (nct_id);
ANALYZE search_reference;
