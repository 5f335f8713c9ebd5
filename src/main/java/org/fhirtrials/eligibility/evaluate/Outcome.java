package org.fhirtrials.eligibility.evaluate;

/**
 * Three-valued result of a constraint or criterion (DESIGN D5), in the criterion's own terms: for
 * an exclusion criterion {@link #MET} means the exclusion applies.
 */
public enum Outcome {
  MET,
  NOT_MET,
  UNKNOWN;

  /** Kleene conjunction: false wins, then unknown. */
  public Outcome and(Outcome o) {
    if (this == NOT_MET || o == NOT_MET) {
      return NOT_MET;
    }
    return this == UNKNOWN || o == UNKNOWN ? UNKNOWN : MET;
  }

  /** Kleene disjunction: true wins, then unknown. */
  public Outcome or(Outcome o) {
    if (this == MET || o == MET) {
      return MET;
    }
    return this == UNKNOWN || o == UNKNOWN ? UNKNOWN : NOT_MET;
  }

  /** FHIRPath {@code implies}: false implies anything is true; unknown implies true is true. */
  public Outcome implies(Outcome o) {
    if (this == NOT_MET || o == MET) {
      return MET;
    }
    return this == MET ? o : UNKNOWN;
  }

  /** The FHIRPath boolean: true, false, or null for the empty collection. */
  public Boolean asBoolean() {
    return this == UNKNOWN ? null : this == MET;
  }

  static Outcome of(boolean holds) {
    return holds ? MET : NOT_MET;
  }
}
