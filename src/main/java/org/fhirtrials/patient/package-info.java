/**
 * The patient fact sheet: a version-neutral, immutable summary of one patient ({@link
 * org.fhirtrials.patient.PatientFacts}) read from R4 or R5 US Core / mCODE data by {@link
 * org.fhirtrials.patient.PatientFactsReader}, with lab values in the canonical UCUM units of {@link
 * org.fhirtrials.patient.LabCatalog}. It is the input of the fast eligibility path (DESIGN D4).
 *
 * <p>Missing data stays missing (empty Optionals and lists); invalid data (no Patient, a malformed
 * date, an unconvertible lab unit, a score outside its scale) is rejected with {@link
 * org.fhirtrials.patient.PatientDataException} naming the resource and field.
 *
 * <p>Note for D4 parity: the molar-mass bridge (bilirubin, creatinine mg/dL to µmol/L) is beyond
 * UCUM, so a FHIRPath comparison of {@code 1.5 'mg/dL'} with a value in {@code umol/L} is empty
 * where the fast path decides; criteria should state thresholds in the catalogue's canonical unit.
 */
package org.fhirtrials.patient;
