package org.fhirtrials.eligibility.evaluate;

import static org.fhirtrials.terminology.Terminology.LOINC;
import static org.fhirtrials.terminology.Terminology.LOINC_ANSWER_NOT_PREGNANT;
import static org.fhirtrials.terminology.Terminology.LOINC_ANSWER_PREGNANT;
import static org.fhirtrials.terminology.Terminology.LOINC_PREGNANCY_STATUS_CODE;
import static org.fhirtrials.terminology.Terminology.SNOMED;
import static org.fhirtrials.terminology.Terminology.SNOMED_NOT_PREGNANT;
import static org.fhirtrials.terminology.Terminology.SNOMED_PREGNANT_CODE;

import java.time.LocalDate;
import java.util.List;
import org.fhirtrials.eligibility.extract.Constraint;
import org.fhirtrials.patient.LabValue;
import org.fhirtrials.patient.PatientFacts;

/**
 * Pregnancy status from the latest pregnancy-status Observation (LOINC 82810-3) in the window:
 * "pregnant" / "not pregnant" answers decide, any other answer ("unknown") and no Observation are
 * unknown. Pregnancy Conditions are not used (neither does the published FHIRPath); administrative
 * sex is not used to infer pregnancy status.
 */
final class PregnancyCheck implements Check {
  private static final String[] LOINCS = {LOINC_PREGNANCY_STATUS_CODE};

  private final Constraint constraint;
  private final Observations.Window window;
  private final ConstraintResult missing;

  PregnancyCheck(Constraint c, Observations.Window window) {
    this.constraint = c;
    this.window = window;
    missing =
        new ConstraintResult(
            c,
            Outcome.UNKNOWN,
            null,
            "no pregnancy status (LOINC "
                + LOINC_PREGNANCY_STATUS_CODE
                + ") in the last "
                + window.text());
  }

  @Override
  public Object key() {
    return List.of("pregnancy", window.key(), constraint.absent());
  }

  @Override
  public ConstraintResult evaluate(PatientFacts patient, LocalDate asOf) {
    LabValue v = Observations.latest(patient, LOINCS, window, asOf);
    if (v == null) {
      return missing;
    }
    Boolean pregnant = null;
    if (v.hasCode(SNOMED, SNOMED_PREGNANT_CODE) || v.hasCode(LOINC, LOINC_ANSWER_PREGNANT)) {
      pregnant = true;
    } else if (v.hasCode(SNOMED, SNOMED_NOT_PREGNANT)
        || v.hasCode(LOINC, LOINC_ANSWER_NOT_PREGNANT)) {
      pregnant = false;
    }
    if (pregnant == null) {
      return new ConstraintResult(
          constraint,
          Outcome.UNKNOWN,
          null,
          v.reference() + " answers neither pregnant nor not pregnant");
    }
    return new ConstraintResult(
        constraint,
        Outcome.of(pregnant != constraint.absent()),
        new Evidence(
            v.reference(),
            null,
            null,
            v.effective().orElse(null),
            pregnant ? "pregnant" : "not pregnant"),
        null);
  }
}
