package org.fhirtrials.eligibility.evaluate;

import java.time.LocalDate;
import org.fhirtrials.patient.PatientFacts;

/**
 * One patient's outcomes of the pooled checks on one date, each computed on first use: the state of
 * one matching run ({@link EligibilityEvaluator#memo}, {@link EligibilityEvaluator#rank}). Safe to
 * share between threads (a racing first use computes the same outcome twice).
 */
public final class Memo {
  private static final Outcome[] OUTCOMES = Outcome.values();

  private final PatientFacts patient;
  private final LocalDate asOf;
  private final Check[] checks;

  /** 0 = not computed yet, else the outcome's ordinal + 1. */
  private final byte[] outcomes;

  Memo(PatientFacts patient, LocalDate asOf, Check[] checks) {
    this.patient = patient;
    this.asOf = asOf;
    this.checks = checks;
    this.outcomes = new byte[checks.length];
  }

  public PatientFacts patient() {
    return patient;
  }

  public LocalDate asOf() {
    return asOf;
  }

  /**
   * The outcome of pooled check {@code ordinal}; {@code self} is evaluated directly when it was
   * pooled after this memo was made; a negative ordinal is a constraint that is not computable.
   */
  Outcome outcome(int ordinal, Check self) {
    if (ordinal < 0) {
      return Outcome.UNKNOWN;
    }
    if (ordinal >= checks.length) {
      return self.evaluate(patient, asOf).outcome();
    }
    int b = outcomes[ordinal];
    if (b == 0) {
      b = checks[ordinal].evaluate(patient, asOf).outcome().ordinal() + 1;
      outcomes[ordinal] = (byte) b;
    }
    return OUTCOMES[b - 1];
  }
}
