package org.fhirtrials.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Structural validity (against the API v2 schema's enums) and distribution sanity of 2,000 trials.
 */
class GeneratedStudiesTest {
  private static final int COUNT = 2000;

  // Enums of ctg-oas-v2.yaml (Status, Phase, StudyType, AgencyClass, ...).
  private static final Set<String> STATUS =
      Set.of(
          "ACTIVE_NOT_RECRUITING",
          "COMPLETED",
          "ENROLLING_BY_INVITATION",
          "NOT_YET_RECRUITING",
          "RECRUITING",
          "SUSPENDED",
          "TERMINATED",
          "WITHDRAWN",
          "AVAILABLE",
          "NO_LONGER_AVAILABLE",
          "TEMPORARILY_NOT_AVAILABLE",
          "APPROVED_FOR_MARKETING",
          "WITHHELD",
          "UNKNOWN");
  private static final Set<String> RECRUITMENT_STATUS =
      Set.of(
          "ACTIVE_NOT_RECRUITING",
          "COMPLETED",
          "ENROLLING_BY_INVITATION",
          "NOT_YET_RECRUITING",
          "RECRUITING",
          "SUSPENDED",
          "TERMINATED",
          "WITHDRAWN",
          "AVAILABLE");
  private static final Set<String> PHASE =
      Set.of("NA", "EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4");
  private static final Set<String> STUDY_TYPE =
      Set.of("EXPANDED_ACCESS", "INTERVENTIONAL", "OBSERVATIONAL");
  private static final Set<String> AGENCY_CLASS =
      Set.of(
          "NIH", "FED", "OTHER_GOV", "INDIV", "INDUSTRY", "NETWORK", "AMBIG", "OTHER", "UNKNOWN");
  private static final Set<String> INTERVENTION_TYPE =
      Set.of(
          "BEHAVIORAL",
          "BIOLOGICAL",
          "COMBINATION_PRODUCT",
          "DEVICE",
          "DIAGNOSTIC_TEST",
          "DIETARY_SUPPLEMENT",
          "DRUG",
          "GENETIC",
          "PROCEDURE",
          "RADIATION",
          "OTHER");
  private static final Set<String> STD_AGE = Set.of("CHILD", "ADULT", "OLDER_ADULT");
  private static final Set<String> SEX = Set.of("FEMALE", "MALE", "ALL");
  private static final Pattern NCT = Pattern.compile("NCT9\\d{7}");
  private static final Pattern AGE = Pattern.compile("\\d+ (Years|Months)");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}(-\\d{2})?");
  private static final Pattern MESH_ID = Pattern.compile("[DC]\\d{6,9}");
  private static final Pattern LIST_LINE = Pattern.compile("(\\* |\\d+\\. |  \\* ).+");

  @TempDir static Path dir;
  private static List<JsonNode> studies;

  @BeforeAll
  static void generate() {
    studies = Generated.studies(Generated.write(COUNT, 20260115L, 1000, dir));
  }

  private static JsonNode p(JsonNode study) {
    return study.get("protocolSection");
  }

  @Test
  void everyStudyHasAUniqueWellFormedNctId() {
    Set<String> ids = new HashSet<>();
    for (JsonNode s : studies) {
      String id = p(s).at("/identificationModule/nctId").asText();
      assertThat(id).matches(NCT);
      assertThat(ids.add(id)).as("duplicate %s", id).isTrue();
    }
    assertThat(ids).hasSize(COUNT);
  }

  @Test
  void codedFieldsUseTheSchemaEnums() {
    for (JsonNode s : studies) {
      JsonNode p = p(s);
      String id = p.at("/identificationModule/nctId").asText();
      assertThat(p.at("/statusModule/overallStatus").asText()).as(id).isIn(STATUS);
      assertThat(p.at("/designModule/studyType").asText()).as(id).isIn(STUDY_TYPE);
      p.at("/designModule/phases").forEach(ph -> assertThat(ph.asText()).as(id).isIn(PHASE));
      assertThat(p.at("/sponsorCollaboratorsModule/leadSponsor/class").asText())
          .as(id)
          .isIn(AGENCY_CLASS);
      p.at("/armsInterventionsModule/interventions")
          .forEach(i -> assertThat(i.get("type").asText()).as(id).isIn(INTERVENTION_TYPE));
      JsonNode e = p.get("eligibilityModule");
      assertThat(e.get("sex").asText()).as(id).isIn(SEX);
      assertThat(e.get("minimumAge").asText()).as(id).matches(AGE);
      e.get("stdAges").forEach(a -> assertThat(a.asText()).as(id).isIn(STD_AGE));
      p.at("/contactsLocationsModule/locations")
          .forEach(
              l -> {
                if (l.has("status")) {
                  assertThat(l.get("status").asText()).as(id).isIn(RECRUITMENT_STATUS);
                }
              });
      s.at("/derivedSection/conditionBrowseModule/meshes")
          .forEach(m -> assertThat(m.get("id").asText()).as(id).matches(MESH_ID));
    }
  }

  @Test
  void sitesAreGeolocatedWithinRangesAndAtMost200() {
    for (JsonNode s : studies) {
      JsonNode locations = p(s).at("/contactsLocationsModule/locations");
      assertThat(locations.size()).isBetween(0, Sites.MAX_SITES);
      for (JsonNode l : locations) {
        assertThat(l.get("facility").asText()).isNotBlank();
        assertThat(l.get("city").asText()).isNotBlank();
        assertThat(l.get("country").asText()).isNotBlank();
        if (l.has("geoPoint")) {
          assertThat(l.at("/geoPoint/lat").asDouble()).isBetween(-90.0, 90.0);
          assertThat(l.at("/geoPoint/lon").asDouble()).isBetween(-180.0, 180.0);
        }
      }
    }
  }

  @Test
  void criteriaTextHasBothSectionsAsRegistryMarkdown() {
    for (JsonNode s : studies) {
      String text = p(s).at("/eligibilityModule/eligibilityCriteria").asText();
      assertThat(text).startsWith("Inclusion Criteria:\n\n");
      assertThat(text).containsOnlyOnce("\n\nExclusion Criteria:\n\n");
      String[] sections = text.split("\n\nExclusion Criteria:\n\n");
      String inclusion = sections[0].substring("Inclusion Criteria:\n\n".length());
      for (String section : List.of(inclusion, sections[1])) {
        assertThat(section.lines()).isNotEmpty().allMatch(l -> LIST_LINE.matcher(l).matches());
      }
    }
  }

  @Test
  void ageCriterionAndStructuredAgesAgree() {
    for (JsonNode s : studies) {
      JsonNode e = p(s).get("eligibilityModule");
      String firstCriterion =
          e.get("eligibilityCriteria").asText().lines().skip(2).findFirst().orElseThrow();
      String min = e.get("minimumAge").asText().split(" ")[0];
      assertThat(firstCriterion).contains(min);
      if (e.has("maximumAge")) {
        assertThat(firstCriterion).contains(e.get("maximumAge").asText().split(" ")[0]);
      }
      int minYears = e.get("minimumAge").asText().endsWith("Months") ? 0 : Integer.parseInt(min);
      List<String> std = new ArrayList<>();
      e.get("stdAges").forEach(a -> std.add(a.asText()));
      assertThat(std.contains("CHILD")).isEqualTo(minYears < 18);
    }
  }

  @Test
  void armsAndInterventionsLinkBothWays() {
    for (JsonNode s : studies) {
      JsonNode m = p(s).get("armsInterventionsModule");
      Set<String> labels = new HashSet<>();
      m.get("armGroups").forEach(a -> assertThat(labels.add(a.get("label").asText())).isTrue());
      Map<String, Set<String>> armsOf = new TreeMap<>();
      for (JsonNode i : m.path("interventions")) {
        Set<String> arms = new HashSet<>();
        i.get("armGroupLabels").forEach(l -> arms.add(l.asText()));
        assertThat(labels).containsAll(arms);
        armsOf.put(typeLabel(i.get("type").asText()) + ": " + i.get("name").asText(), arms);
      }
      for (JsonNode arm : m.get("armGroups")) {
        for (JsonNode link : arm.path("interventionNames")) {
          assertThat(armsOf).containsKey(link.asText());
          assertThat(armsOf.get(link.asText())).contains(arm.get("label").asText());
        }
      }
    }
  }

  private static String typeLabel(String type) {
    return new Agent(type, "x", null, null).typeLabel();
  }

  @Test
  void datesAreOrderedAndNotAfterTheSnapshot() {
    String snapshot = Timeline.SNAPSHOT.toString();
    for (JsonNode s : studies) {
      JsonNode st = p(s).get("statusModule");
      String start = st.at("/startDateStruct/date").asText();
      String primary = st.at("/primaryCompletionDateStruct/date").asText();
      String completion = st.at("/completionDateStruct/date").asText();
      for (String d : List.of(start, primary, completion)) {
        assertThat(d).matches(DATE);
      }
      assertThat(start.substring(0, 7)).isLessThanOrEqualTo(primary.substring(0, 7));
      assertThat(primary.substring(0, 7)).isLessThanOrEqualTo(completion.substring(0, 7));
      assertThat(st.get("studyFirstSubmitDate").asText())
          .isLessThanOrEqualTo(st.at("/studyFirstPostDateStruct/date").asText());
      assertThat(st.at("/lastUpdatePostDateStruct/date").asText()).isLessThanOrEqualTo(snapshot);
      String status = st.get("overallStatus").asText();
      if (status.equals("COMPLETED")) {
        assertThat(st.at("/completionDateStruct/type").asText()).isEqualTo("ACTUAL");
        assertThat(completion).isLessThanOrEqualTo(snapshot);
      }
      if (status.equals("NOT_YET_RECRUITING")) {
        assertThat(st.at("/startDateStruct/type").asText()).isEqualTo("ESTIMATED");
      }
      if (status.equals("RECRUITING")) {
        assertThat(st.at("/startDateStruct/type").asText()).isEqualTo("ACTUAL");
        assertThat(st.at("/completionDateStruct/type").asText()).isEqualTo("ESTIMATED");
      }
    }
  }

  @Test
  void statusesAndPhasesAreMixedLikeTheRegistry() {
    Map<String, Long> statuses = count(s -> p(s).at("/statusModule/overallStatus").asText());
    Map<String, Long> phases = count(s -> p(s).at("/designModule/phases").toString());

    assertThat(statuses.keySet()).hasSizeGreaterThanOrEqualTo(8);
    assertThat(statuses.get("COMPLETED")).isGreaterThan(statuses.get("RECRUITING"));
    assertThat(phases)
        .containsKeys("[\"NA\"]", "[\"PHASE1\",\"PHASE2\"]", "[\"PHASE2\"]", "[\"PHASE3\"]");
    assertThat(count(s -> p(s).at("/designModule/studyType").asText()))
        .containsKeys("INTERVENTIONAL", "OBSERVATIONAL");
  }

  @Test
  void siteCountsAreSkewedTowardsFewSites() {
    List<Integer> sites =
        studies.stream().map(s -> p(s).at("/contactsLocationsModule/locations").size()).toList();

    assertThat(sites).anyMatch(n -> n == 0);
    assertThat(sites).anyMatch(n -> n > 100);
    assertThat(sites.stream().filter(n -> n >= 1 && n <= 10).count()).isGreaterThan(COUNT / 2);
    assertThat(sites.stream().filter(n -> n > 100).count()).isLessThan(COUNT / 10);
  }

  @Test
  void conditionsCoverTheTherapeuticAreasWithMeshTerms() {
    Map<String, Long> terms =
        studies.stream()
            .flatMap(
                s -> {
                  List<String> t = new ArrayList<>();
                  s.at("/derivedSection/conditionBrowseModule/meshes")
                      .forEach(m -> t.add(m.get("term").asText()));
                  return t.stream();
                })
            .collect(
                Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));

    assertThat(terms)
        .containsKeys(
            "Carcinoma, Hepatocellular",
            "Breast Neoplasms",
            "Lung Neoplasms",
            "Colorectal Neoplasms",
            "Lymphoma",
            "Heart Failure",
            "Diabetes Mellitus, Type 2",
            "HIV Infections",
            "Alzheimer Disease");
  }

  @Test
  void criteriaUseTheRegistrysVariedPhrasings() {
    List<String> texts =
        studies.stream()
            .map(s -> p(s).at("/eligibilityModule/eligibilityCriteria").asText())
            .toList();

    assertThat(texts).anyMatch(t -> t.contains("\\>=") || t.contains("\\<"));
    assertThat(texts).anyMatch(t -> t.contains("≥"));
    assertThat(texts).anyMatch(t -> t.contains("\n1. "));
    assertThat(texts).anyMatch(t -> t.contains("\n  * "));
    assertThat(texts).anyMatch(t -> t.contains("Child-Pugh"));
    assertThat(texts).anyMatch(t -> t.contains("ECOG"));
    assertThat(texts).anyMatch(t -> t.contains("Cockcroft-Gault"));
    // Placeholders never leak into the output.
    assertThat(texts)
        .noneMatch(t -> t.contains("{>=}") || t.contains("{drug}") || t.contains("{x}"));
  }

  private static Map<String, Long> count(Function<JsonNode, String> key) {
    return studies.stream()
        .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }
}
