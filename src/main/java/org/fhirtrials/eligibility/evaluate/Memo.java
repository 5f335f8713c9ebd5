package org.fhirtrials.eligibility.evaluate;

import java.time.LocalDate;
import org.fhirtrials.patient.PatientFacts;

/**
 * One patient's outcomes of the pooled checks and criteria ({@link CheckPool}) on one date, each
 * computed on first use: the state of one matching run ({@link EligibilityEvaluator#memo}, {@link
 * EligibilityEvaluator#rank}). Safe to share between threads (a racing first use computes the same
 * outcome twice).
 */
public final class Memo {
  private static final Outcome[] OUTCOMES = Outcome.values();
  private static final int AWAITING_DATA = 4;

  private final PatientFacts patient;
  private final LocalDate asOf;
  private final CheckPool pool;
  private final Check[] checks;
  private final CheckPool.CriterionDef[] criteria;

  /** 0 = not computed yet, else the outcome's ordinal + 1. */
  private final byte[] checkOutcomes;

  /** 0 = not computed yet, else {@link #criterion}'s answer + 1. */
  private final byte[] criterionOutcomes;

  Memo(PatientFacts patient, LocalDate asOf, CheckPool pool) {
    this.patient = patient;
    this.asOf = asOf;
    this.pool = pool;
    this.checks = pool.checks();
    this.criteria = pool.criteria();
    this.checkOutcomes = new byte[checks.length];
    this.criterionOutcomes = new byte[criteria.length];
  }

  public PatientFacts patient() {
    return patient;
  }

  public LocalDate asOf() {
    return asOf;
  }

  /**
   * Pooled criterion {@code ordinal}: its outcome's ordinal, plus {@value #AWAITING_DATA} when it
   * is unknown because a computable check lacks data (read with {@link #outcome(int)} and {@link
   * #awaitingData(int)}).
   */
  int criterion(int ordinal) {
    if (ordinal >= criteria.length) {
      return evaluate(pool.criterion(ordinal)); // pooled after this run began
    }
    int b = criterionOutcomes[ordinal];
    if (b == 0) {
      b = evaluate(criteria[ordinal]) + 1;
      criterionOutcomes[ordinal] = (byte) b;
    }
    return b - 1;
  }

  static Outcome outcome(int criterion) {
    return OUTCOMES[criterion & 3];
  }

  static boolean awaitingData(int criterion) {
    return (criterion & AWAITING_DATA) != 0;
  }

  /** As {@link EligibilityEvaluator}'s full evaluation combines a criterion's constraints. */
  private int evaluate(CheckPool.CriterionDef c) {
    Outcome o = c.allOf() ? Outcome.MET : Outcome.NOT_MET;
    boolean computableUnknown = false;
    for (int k : c.checks()) {
      Outcome r = check(k);
      o = c.allOf() ? o.and(r) : o.or(r);
      computableUnknown |= r == Outcome.UNKNOWN && k >= 0;
    }
    return o.ordinal() | (o == Outcome.UNKNOWN && computableUnknown ? AWAITING_DATA : 0);
  }

  /** The outcome of pooled check {@code ordinal}; a negative ordinal is not computable. */
  private Outcome check(int ordinal) {
    if (ordinal < 0) {
      return Outcome.UNKNOWN;
    }
    if (ordinal >= checks.length) {
      return pool.check(ordinal).evaluate(patient, asOf).outcome();
    }
    int b = checkOutcomes[ordinal];
    if (b == 0) {
      b = checks[ordinal].evaluate(patient, asOf).outcome().ordinal() + 1;
      checkOutcomes[ordinal] = (byte) b;
    }
    return OUTCOMES[b - 1];
  }
}
