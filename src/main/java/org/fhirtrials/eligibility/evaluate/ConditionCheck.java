package org.fhirtrials.eligibility.evaluate;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.fhirtrials.eligibility.extract.ConceptCodes;
import org.fhirtrials.eligibility.extract.Constraint;
import org.fhirtrials.patient.Code;
import org.fhirtrials.patient.ConditionFact;
import org.fhirtrials.patient.PatientFacts;
import org.fhirtrials.patient.Timepoint;
import org.fhirtrials.terminology.Terminology;
import org.fhirtrials.terminology.Terminology.Concept;

/**
 * A coded condition. A matching Condition (not refuted; clinically active when the criterion says
 * "active"; with onset inside the criterion's window when it states one) makes the constraint hold
 * (or fail, when the text requires absence). No matching Condition is unknown: absence of a record
 * is not evidence of absence.
 */
final class ConditionCheck implements Check {
  private static final Set<String> ACTIVE = Set.of("active", "recurrence", "relapse");
  private static final String REFUTED = "refuted";

  private final Constraint constraint;
  private final Concept concept;
  private final String[] icd10Prefixes;
  private final boolean activeOnly;
  private final Observations.Window window;
  private final ConstraintResult missing;

  ConditionCheck(Constraint c, ConceptCodes.Codes codes, Observations.Window window) {
    this.constraint = c;
    this.concept = c.concept();
    this.icd10Prefixes = codes.icd10Prefixes().toArray(String[]::new);
    this.activeOnly = c.allowedValues().contains("active");
    this.window = window;
    String coded =
        icd10Prefixes.length > 0
            ? "ICD-10 " + String.join(", ", icd10Prefixes)
            : concept.system() + "|" + concept.code();
    missing =
        new ConstraintResult(
            c,
            Outcome.UNKNOWN,
            null,
            "no "
                + (activeOnly ? "active " : "")
                + "Condition coded as "
                + c.name()
                + " ("
                + coded
                + ")"
                + (window == null ? "" : " with onset in the last " + window.text())
                + " on record (absence of a record is not evidence of absence)");
  }

  @Override
  public Object key() {
    return Arrays.asList(
        "condition",
        concept.system(),
        concept.code(),
        List.of(icd10Prefixes),
        activeOnly,
        window == null ? null : window.key(),
        constraint.absent());
  }

  @Override
  public ConstraintResult evaluate(PatientFacts patient, LocalDate asOf) {
    List<ConditionFact> conditions = patient.conditions();
    LocalDate start = window == null ? null : window.start(asOf);
    for (int i = 0; i < conditions.size(); i++) {
      ConditionFact f = conditions.get(i);
      if (!matches(f)
          || f.verificationStatus().filter(REFUTED::equals).isPresent()
          || (activeOnly && !f.clinicalStatus().map(ACTIVE::contains).orElse(false))) {
        continue;
      }
      if (start != null) {
        Timepoint onset = f.onset().orElse(null);
        if (onset == null || !FhirDates.notBefore(onset, start)) {
          continue;
        }
      }
      return new ConstraintResult(
          constraint,
          Outcome.of(!constraint.absent()),
          new Evidence(
              f.reference(),
              null,
              null,
              f.onset().orElse(null),
              f.clinicalStatus().map(s -> s + " condition").orElse("condition")),
          null);
    }
    return missing;
  }

  private boolean matches(ConditionFact f) {
    for (Code code : f.codes()) {
      if (icd10Prefixes.length > 0) {
        if (Terminology.ICD10.equals(code.system()) || Terminology.ICD10_CM.equals(code.system())) {
          for (String p : icd10Prefixes) {
            if (code.code().startsWith(p)) {
              return true;
            }
          }
        }
      } else if (code.is(concept.system(), concept.code())) {
        return true;
      }
    }
    return false;
  }
}
