package org.fhirtrials.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fhirtrials.model.Criterion;
import org.fhirtrials.model.Trial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The criteria split from each seed page, counted by hand from the page text. */
class SeedCriteriaTest {

  private static List<Criterion> criteria(String nctId) {
    return SeedPages.parse(nctId).eligibility().criteria();
  }

  private static Criterion byId(List<Criterion> criteria, String id) {
    return criteria.stream()
        .filter(c -> c.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no criterion " + id));
  }

  private static long count(List<Criterion> criteria, boolean exclusion, boolean subItems) {
    return criteria.stream()
        .filter(c -> c.exclusion() == exclusion)
        .filter(c -> (c.parentText() != null) == subItems)
        .count();
  }

  @ParameterizedTest(name = "{0}: {1}+{2} inclusion, {3}+{4} exclusion")
  @CsvSource({
    // nct, inclusion items, inclusion sub-items, exclusion items, exclusion sub-items
    "NCT06310590, 9, 5, 18, 0",
    "NCT06779461, 6, 0, 19, 0",
    "NCT05233358, 11, 0, 19, 11",
    "NCT06178198, 12, 10, 6, 2",
    "NCT07334483, 13, 6, 32, 10",
  })
  void countsItemsAndSubItemsPerSection(
      String nctId, int inclusion, int inclusionSub, int exclusion, int exclusionSub) {
    List<Criterion> criteria = criteria(nctId);

    assertThat(count(criteria, false, false)).as("inclusion items").isEqualTo(inclusion);
    assertThat(count(criteria, false, true)).as("inclusion sub-items").isEqualTo(inclusionSub);
    assertThat(count(criteria, true, false)).as("exclusion items").isEqualTo(exclusion);
    assertThat(count(criteria, true, true)).as("exclusion sub-items").isEqualTo(exclusionSub);
    assertThat(criteria).extracting(Criterion::id).doesNotHaveDuplicates();
  }

  @Test
  void nct06310590KeepsTextVerbatimAndSplitsInlineParenthesisedSubItems() {
    List<Criterion> criteria = criteria("NCT06310590");

    assertThat(byId(criteria, "inc-1").text())
        .isEqualTo("Aged 18 to 80 and signed informed consent;");
    assertThat(byId(criteria, "inc-8").text()).isEqualTo("Adequate organ function:");
    Criterion liver = byId(criteria, "inc-8.2");
    assertThat(liver.text())
        .isEqualTo(
            "Liver function: total bilirubin (TBIL) ≤ 2 times upper limit of normal (ULN);"
                + " alanine transaminase (ALT) and aspartate aminotransferase (AST) ≤ 5. 0×ULN;"
                + " Albumin > 30 g/L;");
    assertThat(liver.parentText()).isEqualTo("Adequate organ function:");
    assertThat(byId(criteria, "inc-8.5").text())
        .startsWith("Cardiovascular function: left ventricular ejection fraction");
    assertThat(byId(criteria, "exc-18").text())
        .isEqualTo(
            "Any other reason that the investigator deems the participant unsuitable for"
                + " participating in this trial.");
    assertThat(criteria).noneMatch(Criterion::comparatorLost);
  }

  @Test
  void nct06779461KeepsVagueExclusionsAsText() {
    List<Criterion> criteria = criteria("NCT06779461");

    assertThat(byId(criteria, "exc-9").text())
        .isEqualTo("Abnormal blood counts (WBC, platelets, neutrophils, hemoglobin);");
    assertThat(byId(criteria, "inc-6").text())
        .isEqualTo(
            "Voluntary participation in this clinical trial and signing of the informed consent"
                + " form by the subject.");
    assertThat(criteria).noneMatch(Criterion::comparatorLost);
  }

  @Test
  void nct05233358SplitsCircledNumeralGroupsUnderTheirLeadIns() {
    List<Criterion> criteria = criteria("NCT05233358");

    assertThat(byId(criteria, "exc-8").text())
        .isEqualTo("Laboratory test values 1 week before randomization: blood routine:");
    assertThat(byId(criteria, "exc-8.1").text()).isEqualTo("leukocyte <3.0×109/L;");
    assertThat(byId(criteria, "exc-8.1").parentText())
        .isEqualTo("Laboratory test values 1 week before randomization: blood routine:");
    assertThat(byId(criteria, "exc-8.4").text()).isEqualTo("hemoglobin < 90g/L;");
    assertThat(byId(criteria, "exc-8.5").text()).isEqualTo("serum albumin<30g/L;");
    assertThat(byId(criteria, "exc-8.5").parentText())
        .isEqualTo("Laboratory test values 1 week before randomization: liver function:");
    assertThat(byId(criteria, "exc-8.11").parentText())
        .isEqualTo("Laboratory test values 1 week before randomization: coagulation function:");
    assertThat(byId(criteria, "exc-9").text())
        .isEqualTo(
            "Uncontrolled hypertension (systolic blood pressure > 180 mmHg, diastolic blood"
                + " pressure > 110 mmHg);");
    assertThat(byId(criteria, "inc-2").text()).isEqualTo("Age ≥18 years old to 70 years old;");
    assertThat(criteria).noneMatch(Criterion::comparatorLost);
  }

  @Test
  void nct06178198UndoesRestartedNumberingAndFlagsLostComparators() {
    List<Criterion> criteria = criteria("NCT06178198");

    Criterion leukocytes = byId(criteria, "inc-9.1");
    assertThat(leukocytes.text()).isEqualTo("Leukocytes = 2,500/µL and = 12,000/µL");
    assertThat(leukocytes.parentText())
        .isEqualTo(
            "Patients with no major organ dysfunction according to blood tests performed within"
                + " one month of study enrollment.");
    assertThat(byId(criteria, "inc-9.10").text()).isEqualTo("Creatinine = 2.0 mg/dL");
    assertThat(byId(criteria, "inc-10").text())
        .isEqualTo("Patients with a life expectancy of more than 3 months.");
    assertThat(byId(criteria, "inc-12").text())
        .isEqualTo("Non-pregnant women of childbearing potential.");
    assertThat(byId(criteria, "exc-1.2").text()).startsWith("Cases with severe hepatic artery");
    assertThat(byId(criteria, "exc-2").text())
        .startsWith("Patients whose volume of non-tumorous liver");

    assertThat(criteria.stream().filter(Criterion::comparatorLost).map(Criterion::id))
        .containsExactly(
            "inc-9.1",
            "inc-9.2",
            "inc-9.3",
            "inc-9.4",
            "inc-9.5",
            "inc-9.6",
            "inc-9.7",
            "inc-9.8",
            "inc-9.9",
            "inc-9.10");
  }

  @Test
  void nct07334483RemovesEscapesAndSplitsRomanSubItemsIncludingInlineOnes() {
    Trial trial = SeedPages.parse("NCT07334483");
    List<Criterion> criteria = trial.eligibility().criteria();

    assertThat(trial.eligibility().criteriaText()).doesNotContain("\\[", "\\<", "\\>");
    assertThat(byId(criteria, "inc-1").text())
        .isEqualTo("Patients aged ≥ 18 and ≤ 75, regardless of gender.");
    assertThat(byId(criteria, "inc-6").text()).contains("Yttrium [90Y] Microsphere Injection");
    assertThat(byId(criteria, "inc-11.2").text())
        .isEqualTo("If HCV-Ab is positive, the blood HCV RNA must be negative.");
    assertThat(byId(criteria, "exc-2").text())
        .isEqualTo("Based on liver volume, the tumor burden is relatively large (>50%).");
    assertThat(byId(criteria, "exc-17.5").text())
        .isEqualTo("History of myocarditis or related examinations suggest active myocarditis.");
    assertThat(byId(criteria, "exc-17.6").text())
        .isEqualTo(
            "Subjects with heart disease who are assessed by the investigator to be intolerant"
                + " of other tests.");
    assertThat(byId(criteria, "exc-17.6").parentText())
        .isEqualTo(
            "Patients with clinically significant cardiovascular and cerebrovascular diseases"
                + " before randomization:");
    assertThat(byId(criteria, "exc-32").text()).startsWith("Any other serious diseases");
    assertThat(criteria).noneMatch(Criterion::comparatorLost);
  }
}
