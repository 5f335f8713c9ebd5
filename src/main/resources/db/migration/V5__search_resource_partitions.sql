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

INSERT INTO search_resource (base, res_type, res_id, nct_id, tokens, sort_text, sort_number,
                             text_body, text_title)
SELECT base, res_type, res_id, nct_id, tokens, sort_text, sort_number, text_body, text_title
FROM search_resource_v4;
DROP TABLE search_resource_v4;

-- built after the copy (faster than maintaining them row by row); created on the parent, so every
-- partition gets its own
CREATE INDEX search_resource_nct_idx ON search_resource (nct_id);
CREATE INDEX search_resource_tokens_idx ON search_resource USING gin (tokens)
    WITH (gin_pending_list_limit = 256);
CREATE INDEX search_resource_text_idx ON search_resource USING gin (text_body)
    WITH (gin_pending_list_limit = 256);
ANALYZE search_resource;

-- The side tables' value indexes carry the resource id, so a clause is answered from the index
-- alone (an index-only scan) instead of a heap fetch per value: `date=ge2024-01-01` read 4,323
-- scattered heap pages of search_date at 10k trials.
DROP INDEX search_string_folded_idx;
DROP INDEX search_string_exact_idx;
CREATE INDEX search_string_folded_idx ON search_string (base, res_type, param, folded)
    INCLUDE (res_id);
CREATE INDEX search_string_exact_idx ON search_string (base, res_type, param, exact)
    INCLUDE (res_id);
DROP INDEX search_word_idx;
CREATE INDEX search_word_idx ON search_word (base, res_type, param, word) INCLUDE (res_id);
DROP INDEX search_date_low_idx;
DROP INDEX search_date_high_idx;
CREATE INDEX search_date_low_idx ON search_date (base, res_type, param, low) INCLUDE (high, res_id);
CREATE INDEX search_date_high_idx ON search_date (base, res_type, param, high)
    INCLUDE (low, res_id);
DROP INDEX search_number_idx;
CREATE INDEX search_number_idx ON search_number (base, res_type, param, value) INCLUDE (res_id);
-- (a migration runs in a transaction, so no VACUUM here: until autovacuum or the next import's
-- closing VACUUM marks the pages all-visible, index-only scans still visit the heap)
ANALYZE search_string, search_word, search_date, search_number;
