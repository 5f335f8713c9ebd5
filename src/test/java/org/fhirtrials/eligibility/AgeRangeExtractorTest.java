package org.fhirtrials.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.fhirtrials.eligibility.AgeRangeExtractor.AgeRange;
import org.fhirtrials.model.Age;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgeRangeExtractorTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "Aged 18 to 80 and signed informed consent;|18|80",
        "Age range: 18 to 80 years inclusive, regardless of gender;|18|80",
        "Age ≥18 years old to 70 years old;|18|70",
        "Patients aged ≥ 18 and ≤ 75, regardless of gender.|18|75",
        "Adults aged 18 and over.|18|-",
        "Age ≥ 20 years|20|-",
        "Men or women aged at least 20 years|20|-",
        "Aged ≤ 75 years|-|75",
      })
  void readsStatedRanges(String text, Integer min, Integer max) {
    AgeRange range = AgeRangeExtractor.extract(text);

    assertThat(range.minimum()).isEqualTo(min == null ? null : Age.years(min));
    assertThat(range.maximum()).isEqualTo(max == null ? null : Age.years(max));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Patients older than 18 years",
        "Child-Pugh stage 5 to 7",
        "Aged 80 to 18",
        "Expected survival > 3 months",
      })
  void leavesAgesUnsetWhenUnsure(String text) {
    assertThat(AgeRangeExtractor.extract(text).isEmpty()).isTrue();
  }
}
