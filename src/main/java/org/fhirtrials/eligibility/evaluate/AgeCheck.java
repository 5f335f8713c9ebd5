package org.fhirtrials.eligibility.evaluate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.fhirtrials.eligibility.extract.Comparator;
import org.fhirtrials.eligibility.extract.Constraint;
import org.fhirtrials.patient.PatientFacts;
import org.fhirtrials.patient.Timepoint;

/**
 * Age bounds on Patient.birthDate, written as the published FHIRPath writes them: age ≥ n ⇔
 * birthDate ≤ asOf − n; age &gt; n ⇔ birthDate &lt; asOf − n; age ≤ n ⇔ birthDate &gt; asOf −
 * (n+1); age &lt; n ⇔ birthDate &gt; asOf − n. A birth date too imprecise to decide (FHIRPath
 * precision rules) is unknown.
 */
final class AgeCheck implements Check {
  private final Constraint constraint;
  private final Comparator[] comparators;
  private final long[] amounts;
  private final ChronoUnit unit;
  private final ConstraintResult noBirthDate;
  private final ConstraintResult imprecise;

  /**
   * @param constraint the source constraint, null for a structured age limit
   */
  AgeCheck(Constraint constraint, Comparator[] comparators, long[] amounts, ChronoUnit unit) {
    this.constraint = constraint;
    this.comparators = comparators;
    this.amounts = amounts;
    this.unit = unit;
    noBirthDate = new ConstraintResult(constraint, Outcome.UNKNOWN, null, "no birth date");
    imprecise =
        new ConstraintResult(
            constraint, Outcome.UNKNOWN, null, "birth date too imprecise to decide the age limit");
  }

  @Override
  public Object key() {
    return List.of("age", List.of(comparators), Arrays.stream(amounts).boxed().toList(), unit);
  }

  @Override
  public ConstraintResult evaluate(PatientFacts patient, LocalDate asOf) {
    Timepoint birth = patient.birthDate().orElse(null);
    if (birth == null) {
      return noBirthDate;
    }
    Outcome result = Outcome.MET;
    for (int i = 0; i < comparators.length; i++) {
      long n = amounts[i];
      Integer c =
          switch (comparators[i]) {
            case GE, GT -> FhirDates.compare(birth, asOf.minus(n, unit));
            case LE -> FhirDates.compare(birth, asOf.minus(n + 1, unit));
            case LT -> FhirDates.compare(birth, asOf.minus(n, unit));
            case EQ -> null;
          };
      Outcome part =
          c == null
              ? Outcome.UNKNOWN
              : Outcome.of(
                  switch (comparators[i]) {
                    case GE -> c <= 0;
                    case GT -> c < 0;
                    case LE, LT -> c > 0;
                    case EQ -> false;
                  });
      result = result.and(part);
    }
    if (result == Outcome.UNKNOWN) {
      return imprecise;
    }
    return new ConstraintResult(
        constraint,
        result,
        new Evidence(patient.reference(), null, null, birth, "birth date"),
        null);
  }
}
