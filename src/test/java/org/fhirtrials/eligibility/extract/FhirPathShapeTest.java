package org.fhirtrials.eligibility.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.fhirtrials.model.Criterion;
import org.junit.jupiter.api.Test;

/** The text shape of generated FHIRPath (evaluation is tested with a FHIRPath engine elsewhere). */
class FhirPathShapeTest {
  private final CriterionExtractor extractor = new CriterionExtractor();

  private Constraint first(boolean exclusion, String text) {
    return extractor.extract(new Criterion("c", exclusion, text, null, false)).constraints().get(0);
  }

  @Test
  void labQuantityComparesTheLatestObservationWithAUcumLiteral() {
    String path = first(false, "platelet (PLT) ≥ 80 × 10^9/L;").fhirPath();
    assertThat(path)
        .startsWith("entry.resource.ofType(Observation).where(status != 'entered-in-error'")
        .contains("(system = 'http://loinc.org' and code = '777-3')")
        .contains(".aggregate(iif($total.empty(), $this,")
        .endsWith(".ofType(Quantity) >= 80 '10*9/L')");
    assertBalanced(path);
  }

  @Test
  void ulnMultipleUsesTheReferenceRangeHighOnlyInTheSameUnit() {
    String path =
        first(false, "total bilirubin (TBIL) ≤ 2 times upper limit of normal (ULN)").fhirPath();
    assertThat(path)
        .contains("referenceRange.where(high.exists()).first().high.value * 2")
        .contains(".code = referenceRange.where(high.exists()).first().high.code");
    assertBalanced(path);
  }

  @Test
  void dimensionlessInrComparesTheNumber() {
    String path = first(true, "international normalized ratio (INR)> 2").fhirPath();
    assertThat(path).endsWith(".ofType(Quantity).value > 2)");
  }

  @Test
  void ecogComparesAnInteger() {
    String path = first(false, "ECOG score ≤ 2").fhirPath();
    assertThat(path).contains("code = '89247-1'").endsWith(".select(value.ofType(integer) <= 2)");
  }

  @Test
  void conditionPresenceIsTrueOrEmptyNeverAGuessedFalse() {
    String path = first(true, "Known history of active pulmonary tuberculosis").fhirPath();
    assertThat(path)
        .startsWith("iif(entry.resource.ofType(Condition).where(")
        .contains("code.matches('^(A15)')")
        .contains("clinicalStatus.coding.where(code = 'active' or code = 'recurrence' or code =")
        .endsWith(", true)");
    assertBalanced(path);
  }

  @Test
  void conditionWithinAWindowFiltersOnOnset() {
    String path =
        first(true, "Patients with other malignant tumors other than HCC within 5 years")
            .fhirPath();
    assertThat(path)
        .contains("code = '363346000'")
        .contains(
            "(onset.ofType(dateTime) | onset.ofType(Period).start).first() >= today() - 5 years");
  }

  @Test
  void sexSpecificInclusionUsesImplies() {
    String path = first(false, "QTcF ≤ 450 ms (males)/≤ 470 ms (females)").fhirPath();
    assertThat(path)
        .startsWith(
            "(entry.resource.ofType(Patient).gender.where($this = 'male' or $this = 'female')"
                + " = 'male') implies (")
        .contains("code = '76634-5'")
        .contains("code = '8636-3'");
    assertBalanced(path);
  }

  @Test
  void ageInMonthsUsesCalendarMonths() {
    assertThat(first(false, "Aged ≥ 6 months").fhirPath())
        .isEqualTo("entry.resource.ofType(Patient).select(birthDate <= today() - 6 months)");
  }

  private static void assertBalanced(String path) {
    int depth = 0;
    boolean quoted = false;
    for (char ch : path.toCharArray()) {
      if (ch == '\'') {
        quoted = !quoted;
      } else if (!quoted && ch == '(') {
        depth++;
      } else if (!quoted && ch == ')') {
        depth--;
        assertThat(depth).as("closing parenthesis without opening in %s", path).isNotNegative();
      }
    }
    assertThat(depth).as("unbalanced parentheses in %s", path).isZero();
    assertThat(quoted).as("unbalanced quotes in %s", path).isFalse();
  }
}
