package org.fhirtrials.eligibility.evaluate;

import java.time.LocalDate;
import java.util.List;
import org.fhirtrials.eligibility.extract.Constraint;
import org.fhirtrials.eligibility.extract.Sex;
import org.fhirtrials.patient.PatientFacts;

/** Checks on the patient's administrative sex. */
final class SexChecks {
  private static final String SEX_UNKNOWN =
      "patient sex not recorded as male or female (gender other, unknown or absent)";

  private SexChecks() {}

  /** The patient's sex as a constraint sex, or null when not male/female. */
  static Sex of(PatientFacts p) {
    return switch (p.sex()) {
      case MALE -> Sex.MALE;
      case FEMALE -> Sex.FEMALE;
      default -> null;
    };
  }

  /** A trial's structured sex limit (FEMALE / MALE only). */
  static Check limit(Sex required) {
    ConstraintResult unknown = new ConstraintResult(null, Outcome.UNKNOWN, null, SEX_UNKNOWN);
    return new Check() {
      @Override
      public ConstraintResult evaluate(PatientFacts patient, LocalDate asOf) {
        Sex s = of(patient);
        if (s == null) {
          return unknown;
        }
        return new ConstraintResult(
            null,
            Outcome.of(s == required),
            new Evidence(patient.reference(), null, null, null, s.fhirCode()),
            null);
      }

      @Override
      public Object key() {
        return List.of("sex", required);
      }
    };
  }

  /**
   * A threshold that applies to one sex: {@code sex implies body} when every constraint of the
   * criterion must hold, {@code sex and body} when one is enough (as FhirPathBuilder writes it).
   */
  static Check restricted(Constraint c, Check body, boolean allOf) {
    Outcome notApplicable = allOf ? Outcome.MET : Outcome.NOT_MET;
    Object bodyKey = body.key();
    Object key = bodyKey == null ? null : List.of("sex-restricted", c.sex(), allOf, bodyKey);
    return new Check() {
      @Override
      public Object key() {
        return key;
      }

      @Override
      public ConstraintResult evaluate(PatientFacts patient, LocalDate asOf) {
        Sex s = of(patient);
        if (s != null && s != c.sex()) {
          return new ConstraintResult(
              c,
              notApplicable,
              new Evidence(
                  patient.reference(),
                  null,
                  null,
                  null,
                  s.fhirCode() + "; threshold applies to " + c.sex().fhirCode() + " patients only"),
              null);
        }
        ConstraintResult inner = body.evaluate(patient, asOf);
        Outcome sexOutcome = s == null ? Outcome.UNKNOWN : Outcome.MET;
        Outcome o = allOf ? sexOutcome.implies(inner.outcome()) : sexOutcome.and(inner.outcome());
        if (o == inner.outcome()) {
          return inner;
        }
        return new ConstraintResult(
            c,
            o,
            inner.evidence(),
            o == Outcome.UNKNOWN ? SEX_UNKNOWN + "; the threshold differs by sex" : null);
      }
    };
  }
}
