package org.fhirtrials.eligibility.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fhirtrials.eligibility.extract.Constraint;
import org.fhirtrials.eligibility.extract.CriterionExtractor;
import org.fhirtrials.eligibility.extract.ExtractedCriterion;
import org.fhirtrials.eligibility.extract.ExtractedCriterion.Logic;
import org.fhirtrials.model.Criterion;
import org.fhirtrials.model.Trial;
import org.fhirtrials.patient.PatientFacts;
import org.fhirtrials.patient.PatientFactsReader;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN D4, "fast path proven equal": every computable constraint of the five seed trials and of
 * synthetic criteria covering every category and unit family is evaluated on a corpus of patients
 * by the fast path ({@link EligibilityEvaluator}) and by its published FHIRPath on the HL7 R4
 * engine ({@link FhirPathCrossCheck}); they must agree on every constraint (true ↔ MET, false ↔
 * NOT_MET, empty ↔ UNKNOWN), and on every criterion's combined expression.
 */
class FhirPathAgreementTest {
  /** Synthetic criteria: every category and unit family the extractor computes. */
  static final List<Criterion> SYNTHETIC =
      List.of(
          inc("s-plt", "Platelet count ≥ 100 × 10^9/L"),
          inc("s-anc", "Absolute neutrophil count ≥ 1500/µL"),
          inc("s-wbc", "Leukocytes ≥ 3.0 × 10^9/L"),
          inc("s-hgb", "Hemoglobin ≥ 9 g/dL"),
          inc("s-alb", "Serum albumin ≥ 3.0 g/dL"),
          inc("s-tbil", "Total bilirubin ≤ 1.5 × ULN"),
          inc("s-alt", "ALT ≤ 3 × ULN, laboratory tests obtained within 14 days"),
          inc("s-cr", "Serum creatinine ≤ 1.5 mg/dL"),
          inc("s-egfr", "eGFR ≥ 60 mL/min/1.73 m2"),
          inc("s-inr", "INR ≤ 1.5"),
          inc("s-hbv", "HBV DNA < 2000 IU/mL"),
          inc("s-lvef", "Left ventricular ejection fraction ≥ 50%"),
          inc("s-ecog", "ECOG performance status 0-2"),
          inc("s-kps", "Karnofsky performance status ≥ 70"),
          inc("s-age", "Age ≥ 18 years"),
          inc("s-age-range", "Aged 18 to 75 years"),
          inc("s-qtc-inc", "QTcF ≤ 450 ms (males) / ≤ 470 ms (females)"),
          exc("s-qtc", "QTcF > 450 ms in men or > 470 ms in women"),
          exc("s-sbp", "Systolic blood pressure > 160 mmHg"),
          exc("s-hiv", "Known HIV infection"),
          exc("s-hcv", "Active hepatitis C"),
          exc("s-pregnant", "Pregnant women"),
          inc("s-not-pregnant", "Non-pregnant women"),
          exc("s-malignancy", "Other malignancy within 3 years"),
          exc("s-ild", "History of interstitial lung disease"),
          exc("s-tb", "Active pulmonary tuberculosis"));

  private static final LocalDate TODAY = LocalDate.now();
  private static final List<ExtractedCriterion> CRITERIA = new ArrayList<>();
  private static final Map<String, Bundle> PATIENTS = new LinkedHashMap<>();

  @BeforeAll
  static void corpus() {
    CriterionExtractor x = new CriterionExtractor();
    for (Trial t : TestData.seedTrials().values()) {
      for (Criterion c : t.eligibility().criteria()) {
        CRITERIA.add(x.extract(c));
      }
    }
    for (Criterion c : SYNTHETIC) {
      CRITERIA.add(x.extract(c));
    }
    PATIENTS.putAll(new PatientCorpus(TODAY).build());
    for (String scenario : SeedScenariosTest.scenarios().toList()) {
      PATIENTS.put(scenario, TestData.seedPatient(scenario));
    }
  }

  @Test
  void syntheticCriteriaAreComputable() {
    for (Criterion c : SYNTHETIC) {
      ExtractedCriterion ec = new CriterionExtractor().extract(c);
      assertThat(ec.computable()).as(c.text() + " → " + ec.reason()).isTrue();
    }
  }

  @Test
  void fastPathAgreesWithFhirPathOnEveryConstraintAndCriterion() {
    EligibilityEvaluator fast = new EligibilityEvaluator();
    FhirPathCrossCheck fhirPath = new FhirPathCrossCheck();
    PatientFactsReader reader = new PatientFactsReader();
    List<String> disagreements = new ArrayList<>();
    int constraints = 0;
    int criteria = 0;
    Map<Outcome, Integer> tally = new LinkedHashMap<>();
    for (var p : PATIENTS.entrySet()) {
      PatientFacts facts = reader.read(p.getValue());
      for (ExtractedCriterion ec : CRITERIA) {
        if (ec.fhirPath() == null) {
          continue;
        }
        boolean allOf = ec.logic() == Logic.ALL_OF;
        for (Constraint c : ec.constraints()) {
          if (!c.computable()) {
            continue;
          }
          Outcome slow;
          try {
            slow = fhirPath.evaluate(c.fhirPath(), p.getValue());
          } catch (IllegalStateException e) {
            throw new IllegalStateException("patient " + p.getKey() + ": " + e.getMessage(), e);
          }
          ConstraintResult quick = fast.evaluate(c, allOf, facts, TODAY);
          constraints++;
          tally.merge(slow, 1, Integer::sum);
          if (slow != quick.outcome()) {
            disagreements.add(
                p.getKey()
                    + " / "
                    + ec.criterion().text()
                    + " / "
                    + c.name()
                    + ": FHIRPath "
                    + slow
                    + ", fast "
                    + quick
                    + "\n    "
                    + c.fhirPath());
          }
        }
        Outcome slow = fhirPath.evaluate(ec.fhirPath(), p.getValue());
        Outcome quick =
            fast.evaluate("T", List.of(ec), StructuredLimits.NONE, facts, TODAY)
                .criteria()
                .get(0)
                .outcome();
        criteria++;
        if (slow != quick) {
          disagreements.add(
              p.getKey()
                  + " / criterion "
                  + ec.criterion().text()
                  + ": FHIRPath "
                  + slow
                  + ", fast "
                  + quick);
        }
      }
    }
    System.out.printf(
        "FHIRPath agreement: %d patients, %d constraint comparisons %s, %d criterion comparisons,"
            + " %d disagreements%n",
        PATIENTS.size(), constraints, tally, criteria, disagreements.size());
    assertThat(disagreements)
        .as(String.join("\n", disagreements.subList(0, Math.min(30, disagreements.size()))))
        .isEmpty();
    assertThat(tally).containsKeys(Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN);
  }

  private static Criterion inc(String id, String text) {
    return new Criterion(id, false, text, null, false);
  }

  private static Criterion exc(String id, String text) {
    return new Criterion(id, true, text, null, false);
  }
}
