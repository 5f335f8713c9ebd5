/**
 * A deterministic generator of synthetic ClinicalTrials.gov API v2 records for benchmarks ({@code
 * generate --count N --seed S --out DIR}). Each study is derived from (seed, index) alone and
 * written straight to a Jackson stream; NCT ids are {@code NCT9} + 7 digits so they never collide
 * with real records. Vocabularies (cities with real coordinates, conditions with verified MeSH ids,
 * criteria phrasings) live in small table classes; {@link org.fhirtrials.synth.SyntheticRegistry}
 * is the entry point.
 */
package org.fhirtrials.synth;
