/**
 * Criterion text to structured, coded criterion: {@link
 * org.fhirtrials.eligibility.extract.CriterionExtractor} turns one {@link
 * org.fhirtrials.model.Criterion} into an {@link
 * org.fhirtrials.eligibility.extract.ExtractedCriterion} of {@link
 * org.fhirtrials.eligibility.extract.Constraint}s with LOINC/SNOMED/ICD-10 concepts, UCUM units and
 * a FHIRPath expression per computable constraint. Domain level: no HAPI types.
 *
 * <p>Clinical safety rules: a threshold whose comparator the source lost is never guessed; a
 * concept without a verified code is kept as text and marked not computable; ambiguous, vague or
 * judgement-based text is not computable.
 */
package org.fhirtrials.eligibility.extract;
