package org.fhirtrials.eligibility.evaluate;

import java.time.LocalDate;
import java.util.List;
import org.fhirtrials.eligibility.extract.Constraint;
import org.fhirtrials.eligibility.extract.Threshold;
import org.fhirtrials.patient.LabValue;
import org.fhirtrials.patient.Measure;
import org.fhirtrials.patient.PatientFacts;

/**
 * A performance-status score threshold (ECOG 89247-1, Karnofsky 89243-0) on the latest scored
 * Observation's integer value, as mCODE records it. A coded answer (LOINC LA codes) is unknown
 * here, as in the published FHIRPath ({@code value.ofType(integer)}).
 */
final class ScoreCheck implements Check {
  private final Constraint constraint;
  private final String[] loincs;
  private final Observations.Window window;
  private final List<Threshold> thresholds;
  private final ConstraintResult missing;

  ScoreCheck(Constraint c, String loinc, Observations.Window window) {
    this.constraint = c;
    this.loincs = new String[] {loinc};
    this.window = window;
    this.thresholds = c.thresholds();
    missing =
        new ConstraintResult(
            c,
            Outcome.UNKNOWN,
            null,
            "no " + c.name() + " (LOINC " + loinc + ") in the last " + window.text());
  }

  @Override
  public Object key() {
    return List.of("score", List.of(loincs), window.key(), thresholds);
  }

  @Override
  public ConstraintResult evaluate(PatientFacts patient, LocalDate asOf) {
    LabValue v = Observations.latest(patient, loincs, window, asOf);
    if (v == null) {
      return missing;
    }
    Measure m = v.value().orElse(null);
    if (m == null) {
      return new ConstraintResult(
          constraint, Outcome.UNKNOWN, null, v.reference() + " has no integer score");
    }
    boolean holds = true;
    for (Threshold t : thresholds) {
      int c = m.value().compareTo(t.value());
      holds &=
          switch (t.comparator()) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case EQ -> c == 0;
          };
    }
    return new ConstraintResult(
        constraint,
        Outcome.of(holds),
        new Evidence(v.reference(), m, null, v.effective().orElse(null), null),
        null);
  }
}
