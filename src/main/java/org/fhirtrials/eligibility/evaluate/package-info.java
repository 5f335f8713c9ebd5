/**
 * Patient → eligibility verdict with reasons (DESIGN D4, D5). {@link
 * org.fhirtrials.eligibility.evaluate.EligibilityEvaluator} is the fast path: it compiles a trial's
 * extracted criteria once ({@link org.fhirtrials.eligibility.evaluate.CompiledTrial}) and evaluates
 * them against a {@link org.fhirtrials.patient.PatientFacts} fact sheet with three-valued logic,
 * giving a {@link org.fhirtrials.eligibility.evaluate.TrialEvaluation} (verdict, score,
 * per-criterion outcome with evidence or the missing data named). No HAPI types in this API except
 * {@link org.fhirtrials.eligibility.evaluate.FhirPathCrossCheck}, which evaluates the published
 * FHIRPath with the HL7 R4 engine; the two must agree on every constraint (FhirPathAgreementTest).
 *
 * <p>Known limits where the two paths could differ (none in the test corpus): the fast path
 * converts mass ↔ substance units with the analyte's molar mass (bilirubin, creatinine) and reads
 * non-UCUM unit spellings the fact sheet maps (K/uL), where the FHIRPath engine cannot compare; a
 * reference range whose unit differs from the value's; an Observation with only a Period end; a
 * dateTime whose offset moves it to another calendar day.
 */
package org.fhirtrials.eligibility.evaluate;
