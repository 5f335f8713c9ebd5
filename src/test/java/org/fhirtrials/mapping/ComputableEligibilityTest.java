package org.fhirtrials.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fhirtrials.ingest.TrialReader;
import org.fhirtrials.mapping.GroupJson.Characteristic;
import org.fhirtrials.mapping.r4.R4TrialMapper;
import org.fhirtrials.mapping.r5.R5TrialMapper;
import org.fhirtrials.model.Criterion;
import org.fhirtrials.model.Eligibility;
import org.fhirtrials.model.Trial;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The eligibility Group carries coded, computable characteristics (docs/eligibility-model.md), in
 * R4 and R5 alike: checked on the JSON a client receives.
 */
class ComputableEligibilityTest {
  private static final String UCUM = "http://unitsofmeasure.org";
  private static Map<String, Trial> seeds;

  @BeforeAll
  static void readSeeds() {
    List<Trial> list = new ArrayList<>();
    new TrialReader().readSeeds(list::add);
    seeds = list.stream().collect(Collectors.toMap(Trial::nctId, t -> t));
  }

  static GroupJson group(String version, Trial trial) {
    if (version.equals("r5")) {
      return GroupJson.parse(
          FhirContext.forR5Cached()
              .newJsonParser()
              .encodeResourceToString(new R5TrialMapper().eligibilityGroup(trial)));
    }
    return GroupJson.parse(
        FhirContext.forR4Cached()
            .newJsonParser()
            .encodeResourceToString(new R4TrialMapper().eligibilityGroup(trial)));
  }

  private static GroupJson seed(String version, String nct) {
    assertThat(seeds).containsKey(nct);
    return group(version, seeds.get(nct));
  }

  private static void assertQuantity(
      Characteristic c, String comparator, String value, String ucum) {
    JsonNode q = c.value("Quantity");
    assertThat(q.path("comparator").asText()).as(c.text()).isEqualTo(comparator);
    assertThat(q.path("value").decimalValue()).isEqualByComparingTo(value);
    if (ucum == null) {
      assertThat(q.has("code")).isFalse();
    } else {
      assertThat(q.path("system").asText()).isEqualTo(UCUM);
      assertThat(q.path("code").asText()).isEqualTo(ucum);
    }
  }

  private static void assertUlnMultiple(Characteristic c, String comparator, String multiple) {
    assertQuantity(c, comparator, multiple, null);
    JsonNode q = c.value("Quantity");
    assertThat(q.path("unit").asText()).isEqualTo("× ULN");
    assertThat(q.path("extension").path(0).path("url").asText())
        .isEqualTo(FhirUrls.EXT_THRESHOLD_REFERENCE);
    assertThat(q.path("extension").path(0).path("valueCode").asText())
        .isEqualTo(FhirUrls.UPPER_LIMIT_OF_NORMAL);
  }

  private static void assertComputable(Characteristic c) {
    assertThat(c.computable()).as(c.text() + " computable").isTrue();
    assertThat(c.language()).isEqualTo("text/fhirpath");
    assertThat(c.expression()).isNotBlank();
    assertThat(c.reason()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void nct06310590InclusionsAreCodedAndComputable(String version) {
    GroupJson g = seed(version, "NCT06310590");

    Characteristic age = g.constraint("inc-1", "397669002");
    assertComputable(age);
    JsonNode range = age.value("Range");
    assertThat(range.path("low").path("value").asInt()).isEqualTo(18);
    assertThat(range.path("high").path("value").asInt()).isEqualTo(80);
    assertThat(range.path("high").path("code").asText()).isEqualTo("a");

    Characteristic ecog = g.constraint("inc-6", "89247-1");
    assertComputable(ecog);
    assertQuantity(ecog, "<=", "1", null);

    assertQuantity(g.constraint("inc-8.1", "751-8"), ">=", "1.5", "10*9/L");
    assertQuantity(g.constraint("inc-8.1", "777-3"), ">=", "80", "10*9/L");
    assertQuantity(g.constraint("inc-8.1", "718-7"), ">=", "90", "g/L");
    g.constraints("inc-8.1").forEach(ComputableEligibilityTest::assertComputable);
    Characteristic bloodCounts = g.criterion("inc-8.1");
    assertComputable(bloodCounts);
    assertThat(bloodCounts.simple(FhirUrls.EXT_CRITERION_LOGIC, "Code")).isEqualTo("all-of");

    assertUlnMultiple(g.constraint("inc-8.2", "1975-2"), "<=", "2");
    assertUlnMultiple(g.constraint("inc-8.2", "1742-6"), "<=", "5");
    assertUlnMultiple(g.constraint("inc-8.2", "1920-8"), "<=", "5");
    assertQuantity(g.constraint("inc-8.2", "1751-7"), ">", "30", "g/L");
    assertUlnMultiple(g.constraint("inc-8.3", "2160-0"), "<=", "1.5");
    assertComputable(g.constraint("inc-8.3", "2160-0"));
    assertQuantity(g.constraint("inc-8.5", "10230-1"), ">=", "50", "%");
    assertComputable(g.constraint("inc-8.5", "10230-1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void nct06310590UncodedPartsStayStructuredButNotComputable(String version) {
    GroupJson g = seed(version, "NCT06310590");

    // Child-Pugh has no verified code: the threshold is kept, the characteristic is flagged
    List<Characteristic> childPugh = g.constraints("inc-5");
    assertThat(childPugh).hasSize(1);
    Characteristic cp = childPugh.get(0);
    assertThat(cp.code()).isNull();
    assertThat(cp.text()).isEqualTo("Child-Pugh");
    assertQuantity(cp, "<=", "7", "{score}");
    assertThat(cp.computable()).isFalse();
    assertThat(cp.reason()).contains("no verified code");
    assertThat(cp.expression()).isNull();

    // creatinine and creatinine clearance (LOINC 35591-7, Cockcroft-Gault estimate; measured
    // clearance 2164-2 accepted too) are both computable, so the whole criterion is
    Characteristic renal = g.criterion("inc-8.3");
    assertThat(renal.computable()).isTrue();
    assertThat(renal.expression()).contains("2160-0").contains("35591-7");
  }

  @ParameterizedTest
  @ValueSource(strings = {"r4", "r5"})
  void nct06310590ExclusionsKeepExcludeAndCodePresence(String version) {
    GroupJson g = seed(version, "NCT06310590");

    Characteristic hiv = g.constraints("exc-9").get(0);
    assertThat(hiv.system()).isEqualTo("http://hl7.org/fhir/sid/icd-10");
    assertThat(hiv.code()).isEqualTo("B20-B24");
    assertThat(hiv.value("Boolean").asBoolean()).isTrue();
    assertThat(hiv.exclude()).isTrue();
    assertComputable(hiv);
    assertThat(g.criterion("exc-9").exclude()).isTrue();

    Characteristic pregnancy = g.constraint("exc-16", "82810-3");
    assertThat(pregnancy.exclude()).isTrue();
    assertThat(pregnancy.value("CodeableConcept").path("coding").path(0).path("code").asText())
        .isEqualTo("77386006");
    assertComputable(pregnancy);
    Characteristic lactation =
        g.constraints("exc-16").stream().filter(c -> c.code() == null).findFirst().orElseThrow();
    assertThat(lactation.text()).isEqualTo("Lactation");
    assertThat(lactation.computable()).isFalse();
    Characteristic pregnantOrLactating = g.criterion("exc-16");
    assertThat(pregnantOrLactating.simple(FhirUrls.EXT_CRITERION_LOGIC, "Code"))
        .isEqualTo("any-of");
    assertThat(pregnantOrLactating.computable()).isFalse();
    assertThat(pregnantOrLactating.reason()).contains("Lactation");
  }

  @Test
  void requiredAbsenceIsAValueNotExclude() {
    GroupJson g = seed("r4", "NCT06310590");
    // inc-9: "The pregnancy test results ... must be negative": an inclusion requiring not pregnant
    Characteristic notPregnant = g.constraint("inc-9", "82810-3");
    assertThat(notPregnant.exclude()).isFalse();
    assertThat(notPregnant.value("CodeableConcept").path("coding").path(0).path("code").asText())
        .isEqualTo("60001007");

    GroupJson noHiv = handMade(new Criterion("inc-1", false, "No HIV infection", null, false));
    Characteristic hiv = noHiv.constraints("inc-1").get(0);
    assertThat(hiv.exclude()).isFalse();
    assertThat(hiv.value("Boolean").asBoolean()).isFalse();
  }

  @Test
  void nct06178198LostComparatorLabsAreNotComputableAndStateNoThreshold() {
    Trial trial = seeds.get("NCT06178198");
    List<Criterion> lost =
        trial.eligibility().criteria().stream().filter(Criterion::comparatorLost).toList();
    assertThat(lost).hasSizeGreaterThanOrEqualTo(5);
    GroupJson g = group("r4", trial);
    for (Criterion c : lost) {
      Characteristic criterion = g.criterion(c.id());
      assertThat(criterion.computable()).isFalse();
      assertThat(criterion.reason()).contains("comparator lost");
      for (Characteristic k : g.constraints(c.id())) {
        assertThat(k.computable()).isFalse();
        assertThat(k.expression()).isNull();
        assertThat(k.value("Quantity").isMissingNode())
            .as("no Quantity (it would say 'exactly') for " + c.text())
            .isTrue();
        assertThat(k.value("CodeableConcept").path("text").asText()).contains("=");
      }
    }
    Characteristic platelets = g.constraint("inc-9.5", "777-3");
    assertThat(platelets.value("CodeableConcept").path("text").asText())
        .isEqualTo("Platelet = 50,000/µL");
    assertThat(platelets.part(FhirUrls.EXT_TIME_WINDOW, "within", "Duration"))
        .contains("\"code\":\"mo\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"NCT06310590", "NCT06178198", "NCT07334483", "NCT06779461", "NCT05233358"})
  void everyCriterionHasOneVerbatimCharacteristicAndEveryConstraintPointsIntoIt(String nct) {
    Trial trial = seeds.get(nct);
    GroupJson g = group("r4", trial);
    for (Criterion c : trial.eligibility().criteria()) {
      Characteristic criterion = g.criterion(c.id());
      assertThat(criterion.text()).isEqualTo(c.text());
      assertThat(criterion.exclude()).isEqualTo(c.exclusion());
      assertThat(criterion.value("Boolean").asBoolean()).isTrue();
      for (Characteristic k : g.constraints(c.id())) {
        int start = Integer.parseInt(k.part(FhirUrls.EXT_CONSTRAINT_SOURCE, "start", "Integer"));
        int end = Integer.parseInt(k.part(FhirUrls.EXT_CONSTRAINT_SOURCE, "end", "Integer"));
        assertThat(k.part(FhirUrls.EXT_CONSTRAINT_SOURCE, "text", "String"))
            .isEqualTo("\"" + c.text().substring(start, end).replace("\"", "\\\"") + "\"");
        assertThat(k.exclude()).isEqualTo(c.exclusion());
      }
    }
    for (Characteristic any : g.characteristics()) {
      if (!any.computable()) {
        assertThat(any.reason()).as("reason of " + any.text()).isNotBlank();
      } else {
        assertThat(any.expression()).as("expression of " + any.text()).isNotBlank();
      }
    }
  }

  @Test
  void sexSpecificThresholdsCarryTheirSex() {
    GroupJson g =
        handMade(
            new Criterion(
                "inc-1", false, "Hemoglobin ≥ 130 g/L (males) / ≥ 120 g/L (females)", null, false));
    List<Characteristic> hb = g.constraints("inc-1");
    assertThat(hb).hasSize(2);
    assertThat(hb.get(0).simple(FhirUrls.EXT_APPLIES_TO_SEX, "Code")).isEqualTo("male");
    assertQuantity(hb.get(0), ">=", "130", "g/L");
    assertThat(hb.get(1).simple(FhirUrls.EXT_APPLIES_TO_SEX, "Code")).isEqualTo("female");
    assertQuantity(hb.get(1), ">=", "120", "g/L");
    assertThat(hb.get(1).expression()).contains("female");
  }

  @Test
  void twoSidedThresholdsAreRangesWithStrictBoundsMarked() {
    GroupJson g =
        handMade(
            new Criterion("inc-1", false, "Platelets 100-400 x 10^9/L", null, false),
            new Criterion("inc-2", false, "Albumin > 30 g/L and < 50 g/L", null, false));
    JsonNode platelets = g.constraint("inc-1", "777-3").value("Range");
    assertThat(platelets.path("low").path("value").asInt()).isEqualTo(100);
    assertThat(platelets.path("high").path("value").asInt()).isEqualTo(400);
    assertThat(platelets.path("low").path("code").asText()).isEqualTo("10*9/L");
    assertThat(platelets.path("low").has("extension")).isFalse();
    JsonNode albumin = g.constraint("inc-2", "1751-7").value("Range");
    assertThat(albumin.path("low").path("extension").path(0).path("url").asText())
        .isEqualTo(FhirUrls.EXT_EXCLUSIVE_BOUND);
    assertThat(albumin.path("high").path("extension").path(0).path("valueBoolean").asBoolean())
        .isTrue();
  }

  @Test
  void timeWindowsAndActiveConditionsAreStated() {
    GroupJson g =
        handMade(
            new Criterion(
                "exc-1", true, "Active hepatitis B infection within 6 months", null, false),
            new Criterion("exc-2", true, "History of HIV infection", null, false));
    Characteristic hbv = g.constraints("exc-1").get(0);
    assertThat(hbv.value("CodeableConcept").path("coding").path(0).path("code").asText())
        .isEqualTo("active");
    assertThat(hbv.part(FhirUrls.EXT_TIME_WINDOW, "within", "Duration"))
        .contains("\"value\":6")
        .contains("\"code\":\"mo\"");
    Characteristic hiv = g.constraints("exc-2").get(0);
    assertThat(hiv.part(FhirUrls.EXT_TIME_WINDOW, "within", "Duration")).isNull();
    assertThat(hiv.part(FhirUrls.EXT_TIME_WINDOW, "text", "String")).isEqualTo("\"History of\"");
  }

  @Test
  void unsplitCriteriaTextStaysWholeAndNotComputable() {
    Trial t =
        Trial.builder("NCT09999993")
            .briefTitle("Unsplit")
            .eligibility(
                new Eligibility(
                    "Platelets ≥ 100 × 10^9/L",
                    List.of(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null))
            .build();
    GroupJson g = group("r4", t);
    Characteristic all = g.criterion("all");
    assertThat(all.text()).isEqualTo("Platelets ≥ 100 × 10^9/L");
    assertThat(all.computable()).isFalse();
    assertThat(all.reason()).contains("could not be split");
    assertThat(g.constraints("all")).isEmpty();
  }

  @Test
  void registryAgeAndSexExpressionsTakeTheBundleAsFocusLikeTheCriteria() {
    GroupJson g = group("r4", TrialFixtures.kitchenSink());
    Characteristic age = g.characteristics().get(0);
    assertThat(age.expression())
        .isEqualTo(
            "entry.resource.ofType(Patient).select(birthDate <= today() - 18 years and birthDate"
                + " > today() - 76 years)");
    assertThat(g.characteristics().get(1).expression())
        .startsWith("entry.resource.ofType(Patient).select(gender");
  }

  private static GroupJson handMade(Criterion... criteria) {
    Trial t =
        Trial.builder("NCT09999994")
            .briefTitle("Hand-made")
            .eligibility(
                new Eligibility(
                    "", List.of(criteria), null, null, null, null, null, null, null, null, null))
            .build();
    return group("r4", t);
  }
}
