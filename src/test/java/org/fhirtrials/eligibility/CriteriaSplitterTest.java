package org.fhirtrials.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.fhirtrials.model.Criterion;
import org.junit.jupiter.api.Test;

class CriteriaSplitterTest {
  private final CriteriaSplitter splitter = new CriteriaSplitter();

  private static String fixture(String name) throws IOException {
    try (InputStream in =
        CriteriaSplitterTest.class.getResourceAsStream("/criteria/" + name + ".md")) {
      assertThat(in).as("fixture %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Criterion byId(List<Criterion> criteria, String id) {
    return criteria.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void nullOrBlankTextGivesNoCriteria() {
    assertThat(splitter.split(null)).isEmpty();
    assertThat(splitter.split("  \n ")).isEmpty();
  }

  @Test
  void splitsCtgovMarkdownWithNestedBullets() throws IOException {
    List<Criterion> criteria = splitter.split(fixture("ctgov-nested-bullets"));

    assertThat(criteria)
        .extracting(Criterion::id)
        .containsExactly(
            "inc-1", "inc-2", "inc-3", "inc-3.1", "inc-3.2", "inc-4", "exc-1", "exc-2");
    assertThat(byId(criteria, "inc-3").text()).isEqualTo("Adequate organ function, defined as:");
    Criterion platelets = byId(criteria, "inc-3.1");
    assertThat(platelets.text()).isEqualTo("Platelet count ≥ 75 × 10^9/L");
    assertThat(platelets.parentText()).isEqualTo("Adequate organ function, defined as:");
    assertThat(platelets.exclusion()).isFalse();
    assertThat(byId(criteria, "inc-4").text()).isEqualTo("ECOG performance status 0 or 1");
    assertThat(byId(criteria, "exc-2").exclusion()).isTrue();
    assertThat(byId(criteria, "exc-2").text()).isEqualTo("Known HIV infection");
    assertThat(criteria).noneMatch(Criterion::comparatorLost);
  }

  @Test
  void splitsNumberedListsWithIndentedSubListsAndContinuationLines() throws IOException {
    List<Criterion> criteria = splitter.split(fixture("ctgov-numbered"));

    assertThat(criteria)
        .extracting(Criterion::id)
        .containsExactly("inc-1", "inc-2", "inc-2.1", "inc-2.2", "inc-3", "exc-1", "exc-2");
    assertThat(byId(criteria, "inc-2.2").text()).isEqualTo("INR ≤ 1.7");
    assertThat(byId(criteria, "inc-2.2").parentText())
        .isEqualTo("Child-Pugh class A liver function, with:");
    assertThat(byId(criteria, "inc-3").text())
        .isEqualTo("Measurable disease per RECIST v1.1\n   that has not been treated locally.");
    assertThat(byId(criteria, "exc-2").text())
        .isEqualTo("Active infection requiring antibiotics (i.e., within 14 days).");
  }

  @Test
  void treatsTextWithoutHeadersAsInclusion() throws IOException {
    List<Criterion> criteria = splitter.split(fixture("ctgov-no-headers"));

    assertThat(criteria).extracting(Criterion::id).containsExactly("inc-1", "inc-2", "inc-3");
    assertThat(criteria).noneMatch(Criterion::exclusion);
    assertThat(criteria.get(1).text()).isEqualTo("Men or women aged at least 20 years");
  }

  @Test
  void makesOneCriterionPerParagraphWhenThereAreNoMarkers() throws IOException {
    List<Criterion> criteria = splitter.split(fixture("ctgov-unmarked-paragraphs"));

    assertThat(criteria)
        .extracting(Criterion::id, Criterion::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("inc-1", "Histologically confirmed HCC."),
            org.assertj.core.groups.Tuple.tuple(
                "inc-2", "Barcelona Clinic Liver Cancer stage B or C."),
            org.assertj.core.groups.Tuple.tuple("exc-1", "Previous systemic therapy."));
  }

  @Test
  void recognisesHeadersCaseInsensitivelyWithOrWithoutColon() {
    List<Criterion> criteria =
        splitter.split("INCLUSION CRITERIA\n- Adults\nexclusion criteria:\n- Pregnancy");

    assertThat(criteria)
        .extracting(Criterion::id, Criterion::exclusion, Criterion::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("inc-1", false, "Adults"),
            org.assertj.core.groups.Tuple.tuple("exc-1", true, "Pregnancy"));
  }

  @Test
  void numbersItemsByPositionWhenPrintedNumberingStartsAtTwo() {
    List<Criterion> criteria =
        splitter.split("Inclusion Criteria\n2. First item.\n3. Second item.\n");

    assertThat(criteria).extracting(Criterion::id).containsExactly("inc-1", "inc-2");
    assertThat(criteria.get(0).text()).isEqualTo("First item.");
  }

  @Test
  void restartedNumberingOnOneLineOpensASubListThatTheParentsNextNumberCloses() {
    String text =
        "Inclusion Criteria: 1. Adults. 2. Labs within one month. 1. Leukocytes = 2,500/µL"
            + " 2. Creatinine = 2.0 mg/dL 3. Bilirubin = 3.0 mg/dL 3. Consent given."
            + " Exclusion Criteria: 1. Pregnancy.";

    List<Criterion> criteria = splitter.split(text);

    assertThat(criteria)
        .extracting(Criterion::id, Criterion::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("inc-1", "Adults."),
            org.assertj.core.groups.Tuple.tuple("inc-2", "Labs within one month."),
            org.assertj.core.groups.Tuple.tuple("inc-2.1", "Leukocytes = 2,500/µL"),
            org.assertj.core.groups.Tuple.tuple("inc-2.2", "Creatinine = 2.0 mg/dL"),
            org.assertj.core.groups.Tuple.tuple("inc-2.3", "Bilirubin = 3.0 mg/dL"),
            org.assertj.core.groups.Tuple.tuple("inc-3", "Consent given."),
            org.assertj.core.groups.Tuple.tuple("exc-1", "Pregnancy."));
  }

  @Test
  void continuingTheSubListWinsWhenANumberFitsBothSubListAndParent() {
    String text = "1. Labs: 1. ANC 2. Platelets 2. Consent 3. Age";

    List<Criterion> criteria = splitter.split(text);

    // "2. Platelets" fits both the sub-list (after 1.) and the parent (after 1.): sub-list wins
    assertThat(criteria)
        .extracting(Criterion::id, Criterion::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("inc-1", "Labs:"),
            org.assertj.core.groups.Tuple.tuple("inc-1.1", "ANC"),
            org.assertj.core.groups.Tuple.tuple("inc-1.2", "Platelets"),
            org.assertj.core.groups.Tuple.tuple("inc-2", "Consent"),
            org.assertj.core.groups.Tuple.tuple("inc-3", "Age"));
  }

  @Test
  void circledNumeralsRestartInGroupsUnderOneParent() {
    String text =
        "Exclusion Criteria\n  • Labs before randomization: blood routine: ① WBC <3.0×109/L;"
            + " ② platelets <75×109/L; liver function: ①albumin<30g/L;\n  • Pregnancy;";

    List<Criterion> criteria = splitter.split(text);

    assertThat(criteria)
        .extracting(Criterion::id, Criterion::text, Criterion::parentText)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "exc-1", "Labs before randomization: blood routine:", null),
            org.assertj.core.groups.Tuple.tuple(
                "exc-1.1", "WBC <3.0×109/L;", "Labs before randomization: blood routine:"),
            org.assertj.core.groups.Tuple.tuple(
                "exc-1.2", "platelets <75×109/L;", "Labs before randomization: blood routine:"),
            org.assertj.core.groups.Tuple.tuple(
                "exc-1.3", "albumin<30g/L;", "Labs before randomization: liver function:"),
            org.assertj.core.groups.Tuple.tuple("exc-2", "Pregnancy;", null));
  }

  @Test
  void inlineRomanSubItemContinuesTheRomanList() {
    String text =
        "1. Cardiac disease:\ni. Hypertension.\nii. Myocarditis. iii. Heart block.\n2. Other.";

    List<Criterion> criteria = splitter.split(text);

    assertThat(criteria)
        .extracting(Criterion::id, Criterion::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("inc-1", "Cardiac disease:"),
            org.assertj.core.groups.Tuple.tuple("inc-1.1", "Hypertension."),
            org.assertj.core.groups.Tuple.tuple("inc-1.2", "Myocarditis."),
            org.assertj.core.groups.Tuple.tuple("inc-1.3", "Heart block."),
            org.assertj.core.groups.Tuple.tuple("inc-2", "Other."));
  }

  @Test
  void doesNotTakeADecimalOrAStrayParenthesisedNumberForAListMarker() {
    List<Criterion> criteria =
        splitter.split("1. AST ≤ 5. 0×ULN and stage (1) disease\n2. Consent");

    assertThat(criteria)
        .extracting(Criterion::text)
        .containsExactly("AST ≤ 5. 0×ULN and stage (1) disease", "Consent");
  }

  @Test
  void flagsOnlyNumbersComparedWithABareEqualsSign() {
    assertThat(ComparatorLoss.detect("Leukocytes = 2,500/µL and = 12,000/µL")).isTrue();
    assertThat(ComparatorLoss.detect("AST = 200 IU/L (i.e., = 5X upper normal limit)")).isTrue();
    assertThat(ComparatorLoss.detect("Total bilirubin = 3.0 mg/dL")).isTrue();
    assertThat(ComparatorLoss.detect("regorafenib (28 days as a cycle, 80-160 mg qd)")).isFalse();
    assertThat(ComparatorLoss.detect("Creatinine >= 1.5 mg/dL, INR <= 2")).isFalse();
    assertThat(ComparatorLoss.detect("a cohort (n = 30) of adults")).isFalse();
  }
}
