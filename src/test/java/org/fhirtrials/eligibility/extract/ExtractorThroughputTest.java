package org.fhirtrials.eligibility.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fhirtrials.model.Criterion;
import org.junit.jupiter.api.Test;

/** Prints throughput on one core; asserts only that results are stable across repetitions. */
class ExtractorThroughputTest {
  private static final List<Criterion> SAMPLE =
      List.of(
          new Criterion("a", false, "Aged 18 to 80 and signed informed consent;", null, false),
          new Criterion("b", false, "Child-Pugh score ≤ 7;", null, false),
          new Criterion(
              "c",
              false,
              "(1) Blood routine: absolute neutrophil count (ANC) ≥ 1.5 × 10^9/L; platelet (PLT) ≥ 80"
                  + " × 10^9/L; hemoglobin (HGB) ≥ 90 g/L; (2) Liver function: total bilirubin (TBIL)"
                  + " ≤ 2 times upper limit of normal (ULN); Albumin > 30 g/L;",
              null,
              false),
          new Criterion("d", true, "With positive results of HIV antibody test;", null, false),
          new Criterion(
              "e",
              true,
              "Any other reason that the investigator deems the participant unsuitable for"
                  + " participating in this trial.",
              null,
              false),
          new Criterion("f", true, "Leukocytes = 2,500/µL and = 12,000/µL", null, true));

  @Test
  void measuresCriteriaPerSecondOnOneThread() {
    CriterionExtractor extractor = new CriterionExtractor();
    ExtractedCriterion reference = extractor.extract(SAMPLE.get(2));
    for (int i = 0; i < 2_000; i++) {
      extractor.extract(SAMPLE.get(i % SAMPLE.size())); // warm-up
    }
    int n = 10_000;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      extractor.extract(SAMPLE.get(i % SAMPLE.size()));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "CriterionExtractor: %.0f criteria/s (%d in %.2f s)%n", n / seconds, n, seconds);
    assertThat(extractor.extract(SAMPLE.get(2))).isEqualTo(reference);
  }
}
