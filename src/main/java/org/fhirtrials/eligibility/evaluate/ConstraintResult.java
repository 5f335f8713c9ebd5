package org.fhirtrials.eligibility.evaluate;

import org.fhirtrials.eligibility.extract.Constraint;

/**
 * The outcome of one constraint for one patient.
 *
 * @param constraint the constraint; null for a trial's structured age/sex limits
 * @param outcome true/false/unknown in the constraint's own terms
 * @param evidence the data the outcome rests on; null when unknown
 * @param missing for {@link Outcome#UNKNOWN}: the missing data named (e.g. "no Platelets (LOINC
 *     777-3) in the last 90 days") or why the constraint is not computable; else null
 */
public record ConstraintResult(
    Constraint constraint, Outcome outcome, Evidence evidence, String missing) {

  /** True when the constraint is computable (a structured limit or a computable constraint). */
  public boolean computable() {
    return constraint == null || constraint.computable();
  }

  @Override
  public String toString() {
    String what = constraint == null ? "" : constraint.name() + ": ";
    return what
        + outcome
        + (evidence != null ? " (" + evidence + ")" : "")
        + (missing != null ? " (" + missing + ")" : "");
  }
}
