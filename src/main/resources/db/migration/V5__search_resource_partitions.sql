-- search_resource partitioned by base, then by resource type: one table per served type of each
-- base, so a search reads only its own type's rows and GIN entries.
--
-- Before, one table held every type of both bases. A search of a type selected by its tokens (GIN)
-- AND-ed that bitmap with a scan of the primary key for (base, res_type), which reads an entry per
-- resource of the type (10,005 at 10k trials, 1.6 million Locations at 100k), and the GIN entries
-- of a token held the rows of both bases. With a partition per type, base and type are decided by
-- partition pruning and the GIN index of the partition alone selects the rows.
--
-- The GIN indexes keep their pending list (fast update) small: a search scans the whole pending
-- list of an index, and at the default 4 MB a bulk import left hundreds of pages there (6 ms per
-- search at 10k until a vacuum merged them).

ALTER TABLE search_resource RENAME TO search_resource_v4;
ALTER INDEX search_resource_pkey RENAME TO search_resource_v4_pkey;
DROP INDEX search_resource_nct_idx;
DROP INDEX search_resource_tokens_idx;
DROP INDEX search_resource_text_idx;

CREATE TABLE search_resource (
    base        text   NOT NULL,
    res_type    text   NOT NULL,
    res_id      text   COLLATE "C" NOT NULL,
    nct_id      text   NOT NULL,
    tokens      text[] NOT NULL,
    sort_text   jsonb  NOT NULL DEFAULT '{}',
    sort_number jsonb  NOT NULL DEFAULT '{}',
    text_body   tsvector,
    text_title  tsvector,
    -- the folded words of concept texts and displays for token :text, as lexemes "param|word", so
    -- a word prefix is a tsquery prefix ('condition|diab':*); replaces the table search_word (a
    -- row with three B-tree indexes per word, the costliest rows of an import)
    words       tsvector,
    PRIMARY KEY (base, res_type, res_id)
) PARTITION BY LIST (base);

-- the served types of both bases (org.fhirtrials.search.SearchParamRegistry); a type served later
-- lands in its base's default partition until a migration gives it its own
DO $$
DECLARE
    b text;
    t text;
BEGIN
    FOREACH b IN ARRAY ARRAY['r4', 'r5'] LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF search_resource FOR VALUES IN (%L)'
                       ' PARTITION BY LIST (res_type)', 'search_resource_' || b, b);
        FOREACH t IN ARRAY ARRAY['ResearchStudy', 'PlanDefinition', 'Group', 'Location',
                                 'Organization', 'Practitioner', 'PractitionerRole'] LOOP
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES IN (%L)',
                           'search_resource_' || b || '_' || lower(t), 'search_resource_' || b, t);
        END LOOP;
        EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT',
                       'search_resource_' || b || '_other', 'search_resource_' || b);
    END LOOP;
END
$$;
CREATE TABLE search_resource_other PARTITION OF search_resource DEFAULT;

-- (a tsvector lexeme holds at most 2046 bytes: longer words were never found by a prefix anyway)
INSERT INTO search_resource (base, res_type, res_id, nct_id, tokens, sort_text, sort_number,
                             text_body, text_title, words)
SELECT r.base, r.res_type, r.res_id, r.nct_id, r.tokens, r.sort_text, r.sort_number, r.text_body,
       r.text_title, w.words
FROM search_resource_v4 r
LEFT JOIN (SELECT base, res_type, res_id,
                  array_to_tsvector(array_agg(DISTINCT param || '|' || word)) AS words
           FROM search_word
           WHERE octet_length(param || '|' || word) <= 2046
           GROUP BY base, res_type, res_id) w USING (base, res_type, res_id);
DROP TABLE search_resource_v4;
DROP TABLE search_word;

-- built after the copy (faster than maintaining them row by row); created on the parent, so every
-- partition gets its own
CREATE INDEX search_resource_nct_idx ON search_resource (nct_id);
CREATE INDEX search_resource_tokens_idx ON search_resource USING gin (tokens)
    WITH (gin_pending_list_limit = 256);
CREATE INDEX search_resource_text_idx ON search_resource USING gin (text_body)
    WITH (gin_pending_list_limit = 256);
CREATE INDEX search_resource_words_idx ON search_resource USING gin (words)
    WITH (gin_pending_list_limit = 256);
ANALYZE search_resource;

-- The side tables' value indexes carry the resource id, so a clause is answered from the index
-- alone (an index-only scan) instead of a heap fetch per value: `date=ge2024-01-01` read 4,323
-- scattered heap pages of search_date at 10k trials.
DROP INDEX search_string_folded_idx;
CREATE INDEX search_string_folded_idx ON search_string (base, res_type, param, folded)
    INCLUDE (res_id);
-- :exact looks up the folded form (equal strings fold equal) and compares the exact one: one index
-- fewer to maintain on every string row
DROP INDEX search_string_exact_idx;
DROP INDEX search_date_low_idx;
DROP INDEX search_date_high_idx;
CREATE INDEX search_date_low_idx ON search_date (base, res_type, param, low) INCLUDE (high, res_id);
CREATE INDEX search_date_high_idx ON search_date (base, res_type, param, high)
    INCLUDE (low, res_id);
DROP INDEX search_number_idx;
CREATE INDEX search_number_idx ON search_number (base, res_type, param, value) INCLUDE (res_id);
-- (a migration runs in a transaction, so no VACUUM here: until autovacuum or the next import's
-- closing VACUUM marks the pages all-visible, index-only scans still visit the heap)
ANALYZE search_string, search_date, search_number;
-- near reads the points of a bounding box by (lat, lon), never by resource: the id joins the
-- position index, and the per-resource index goes
DROP INDEX search_point_idx;
DROP INDEX search_point_res_idx;
CREATE INDEX search_point_idx ON search_point (base, res_type, param, lat, lon) INCLUDE (res_id);
ANALYZE search_point;
