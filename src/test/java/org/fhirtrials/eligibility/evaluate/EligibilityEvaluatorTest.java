package org.fhirtrials.eligibility.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.fhirtrials.eligibility.extract.CriterionExtractor;
import org.fhirtrials.eligibility.extract.ExtractedCriterion;
import org.fhirtrials.model.Age;
import org.fhirtrials.model.Criterion;
import org.fhirtrials.model.Eligibility;
import org.fhirtrials.patient.PatientFacts;
import org.fhirtrials.patient.PatientFactsReader;
import org.junit.jupiter.api.Test;

class EligibilityEvaluatorTest {
  private static final LocalDate AS_OF = SeedScenariosTest.AS_OF;
  private final EligibilityEvaluator evaluator = new EligibilityEvaluator();
  private final CriterionExtractor extractor = new CriterionExtractor();

  private PatientFacts patient(String scenario) {
    return new PatientFactsReader().read(TestData.seedPatient(scenario));
  }

  private TrialEvaluation evaluate(String scenario, StructuredLimits limits, Criterion... cs) {
    List<ExtractedCriterion> ec = List.of(cs).stream().map(extractor::extract).toList();
    return evaluator.evaluate("T", ec, limits, patient(scenario), AS_OF);
  }

  @Test
  void missingLabIsNamedWithItsLoincAndLookBack() {
    TrialEvaluation e =
        evaluate(
            "NCT06310590-missing-labs",
            StructuredLimits.NONE,
            new Criterion("inc-1", false, "Platelet count ≥ 100 × 10^9/L", null, false));
    assertThat(e.verdict()).isEqualTo(Verdict.POSSIBLY_ELIGIBLE);
    assertThat(e.criterion("inc-1").reason())
        .isEqualTo("no Platelets (LOINC 777-3) in the last 90 days");
  }

  @Test
  void criterionWindowWinsOverTheDefaultLookBack() {
    // labs are dated 2026-10-28; a 2-day window on 2026-11-01 excludes them
    TrialEvaluation e =
        evaluate(
            "NCT06310590-eligible",
            StructuredLimits.NONE,
            new Criterion(
                "inc-1",
                false,
                "Platelets ≥ 100 × 10^9/L, laboratory tests obtained within 2 days",
                null,
                false));
    assertThat(e.criterion("inc-1").outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(e.criterion("inc-1").reason()).contains("in the last 2 days");
    assertThat(
            new EligibilityEvaluator(2)
                .evaluate(
                    "T",
                    List.of(
                        extractor.extract(
                            new Criterion(
                                "inc-2", false, "Platelets ≥ 100 × 10^9/L", null, false))),
                    StructuredLimits.NONE,
                    patient("NCT06310590-eligible"),
                    AS_OF)
                .criterion("inc-2")
                .outcome())
        .as("configured look-back of 2 days")
        .isEqualTo(Outcome.UNKNOWN);
  }

  @Test
  void nonComputableCriteriaNeverMakeAPatientIneligibleButAreListed() {
    TrialEvaluation e =
        evaluate(
            "NCT06310590-eligible",
            StructuredLimits.NONE,
            new Criterion("inc-1", false, "Life expectancy of at least 12 weeks", null, false),
            new Criterion(
                "exc-1", true, "Any condition the investigator deems unsuitable", null, false),
            new Criterion("inc-2", false, "ECOG performance status ≤ 1", null, false));
    assertThat(e.verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(e.unknowns()).extracting(c -> c.criterion().id()).containsExactly("inc-1", "exc-1");
    assertThat(e.criterion("inc-1").reason()).startsWith("not computable: ");
    assertThat(e.score()).as("only inc-2 is evaluated, and met").isEqualTo(1.0);
  }

  @Test
  void uppperLimitMultipleWithoutReferenceRangeIsUnknown() {
    // eGFR carries no reference range in the seed patients
    TrialEvaluation e =
        evaluate(
            "NCT06310590-eligible",
            StructuredLimits.NONE,
            new Criterion("inc-1", false, "eGFR ≤ 2 × ULN", null, false));
    assertThat(e.criterion("inc-1").outcome()).isEqualTo(Outcome.UNKNOWN);
    assertThat(e.criterion("inc-1").reason()).contains("no reference range upper limit on");
  }

  @Test
  void structuredLimitsComeFirstAndDecide() {
    StructuredLimits maleOnly =
        new StructuredLimits(Age.years(18), Age.years(40), Eligibility.Sex.MALE, true);
    TrialEvaluation e = evaluate("NCT06310590-eligible", maleOnly);
    assertThat(e.criteria())
        .extracting(c -> c.criterion().id())
        .containsExactly(EligibilityEvaluator.STRUCTURED_AGE, EligibilityEvaluator.STRUCTURED_SEX);
    // born 1982-05-10: 44 on 2026-11-01 > 40; female
    assertThat(e.criterion(EligibilityEvaluator.STRUCTURED_AGE).outcome())
        .isEqualTo(Outcome.NOT_MET);
    assertThat(e.criterion(EligibilityEvaluator.STRUCTURED_SEX).outcome())
        .isEqualTo(Outcome.NOT_MET);
    assertThat(e.verdict()).isEqualTo(Verdict.INELIGIBLE);
    assertThat(e.score()).isZero();
  }

  @Test
  void evidenceNamesTheObservationValueAndDate() {
    TrialEvaluation e =
        evaluate(
            "NCT06310590-ineligible-platelets",
            StructuredLimits.NONE,
            new Criterion("inc-1", false, "Platelets ≥ 80 × 10^9/L", null, false));
    assertThat(e.failures()).hasSize(1);
    assertThat(e.criterion("inc-1").constraints().get(0).evidence().toString())
        .isEqualTo("Observation/plt 60 10*9/L on 2026-10-28T08:30:00Z");
  }
}
