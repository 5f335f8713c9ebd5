package org.fhirtrials.eligibility.evaluate;

import java.time.LocalDate;
import org.fhirtrials.patient.PatientFacts;

/**
 * One precompiled constraint: everything that does not depend on the patient (codes, thresholds in
 * canonical units, windows, messages) is resolved when the trial is compiled, so evaluating is a
 * few lookups and comparisons without regex or string building on the common path.
 */
interface Check {
  ConstraintResult evaluate(PatientFacts patient, LocalDate asOf);

  /**
   * What the outcome depends on: two checks with equal keys give the same {@link Outcome} for every
   * patient and date (their messages and evidence may name the constraint differently), so a
   * matching run computes it once for all the trials that share it ({@link CheckPool}). Null when
   * the check shares with no other.
   */
  default Object key() {
    return null;
  }
}
