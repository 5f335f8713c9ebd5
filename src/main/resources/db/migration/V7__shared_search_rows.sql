-- Search rows shared by the bases. Most resources of a trial give the same search values in R4 and
-- R5 (at 10k synthetic trials: every Location, Organization, PractitionerRole and PlanDefinition,
-- 86 % of each base's resources), and each was written twice, with all of its side-table rows and
-- index entries: the costliest part of an import. Such a resource is now written once with the base
-- '*', and a search of a base reads its own rows and the shared ones (base IN (?, '*')). Rows
-- written per base before stay valid; a trial's next save writes them the new way.
DO $$
DECLARE
    t text;
BEGIN
    CREATE TABLE search_resource_shared PARTITION OF search_resource FOR VALUES IN ('*')
        PARTITION BY LIST (res_type);
    FOREACH t IN ARRAY ARRAY['ResearchStudy', 'PlanDefinition', 'Group', 'Location',
                             'Organization', 'Practitioner', 'PractitionerRole'] LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF search_resource_shared FOR VALUES IN (%L)',
                       'search_resource_shared_' || lower(t), t);
    END LOOP;
    CREATE TABLE search_resource_shared_other PARTITION OF search_resource_shared DEFAULT;
END
$$;

-- The trial table's own search columns were superseded by the side tables (V2): nothing reads
-- them, and their indexes (three of them GIN) and the generated title tsvector cost every insert.
DROP INDEX trial_overall_status_idx;
DROP INDEX trial_phases_idx;
DROP INDEX trial_conditions_idx;
ALTER TABLE trial DROP COLUMN title_tsv;
