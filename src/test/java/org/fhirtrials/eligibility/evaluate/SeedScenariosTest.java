package org.fhirtrials.eligibility.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.fhirtrials.patient.PatientFacts;
import org.fhirtrials.patient.PatientFactsReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hand-built patients per seed trial ({@code src/test/resources/patients/seeds/}): each is
 * evaluated against its trial and must give the verdict and per-criterion outcomes of its {@code
 * *.expected.tsv} sidecar.
 */
class SeedScenariosTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
  private static final EligibilityEvaluator EVALUATOR = new EligibilityEvaluator();

  static Stream<String> scenarios() {
    return Stream.of(
        "NCT06310590-eligible",
        "NCT06310590-ineligible-platelets",
        "NCT06310590-excluded-hiv",
        "NCT06310590-missing-labs",
        "NCT06178198-eligible",
        "NCT06178198-ineligible-ecog",
        "NCT06178198-excluded-malignancy",
        "NCT06178198-missing-ecog",
        "NCT06779461-eligible",
        "NCT06779461-ineligible-ecog",
        "NCT06779461-ineligible-age",
        "NCT06779461-missing-ecog",
        "NCT05233358-eligible",
        "NCT05233358-ineligible-hbv-dna",
        "NCT05233358-excluded-platelets",
        "NCT05233358-missing-labs",
        "NCT07334483-eligible",
        "NCT07334483-ineligible-neutrophils",
        "NCT07334483-excluded-qtcf",
        "NCT07334483-missing-labs");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void verdictAndCriteriaMatchTheExpectedSidecar(String scenario) {
    String trialId = scenario.substring(0, scenario.indexOf('-'));
    PatientFacts facts = new PatientFactsReader().read(TestData.seedPatient(scenario));
    TrialEvaluation e =
        EVALUATOR.evaluate(EVALUATOR.compile(TestData.seedTrials().get(trialId)), facts, AS_OF);

    Map<String, String> expected = expected(scenario);
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(e.verdict().name())
        .as(scenario + " verdict")
        .isEqualTo(expected.remove("verdict"));
    for (var x : expected.entrySet()) {
      CriterionResult r = e.criterion(x.getKey());
      soft.assertThat(r).as(scenario + " has criterion " + x.getKey()).isNotNull();
      if (r != null) {
        soft.assertThat(r.outcome().name())
            .as(scenario + " " + r + " — " + r.constraints())
            .isEqualTo(x.getValue());
      }
    }
    soft.assertAll();
    if (e.verdict() == Verdict.INELIGIBLE) {
      assertThat(e.score()).isZero();
      assertThat(e.failures()).isNotEmpty();
    } else {
      assertThat(e.score()).isBetween(0.0, 1.0).isPositive();
    }
  }

  static Map<String, String> expected(String scenario) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : TestData.text("/patients/seeds/" + scenario + ".expected.tsv").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      out.put(f[0].trim(), f[1].trim());
    }
    return out;
  }
}
