package org.fhirtrials.eligibility.evaluate;

/** A patient's eligibility for one trial (DESIGN D5). */
public enum Verdict {
  /** Every computable inclusion is met and no exclusion is met. */
  ELIGIBLE,
  /** Neither eligible nor ineligible: a computable inclusion lacks data. */
  POSSIBLY_ELIGIBLE,
  /** An inclusion is not met or an exclusion is met. */
  INELIGIBLE
}
