package org.fhirtrials.search;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.Test;

/**
 * References to a parameter's one target type are keyed by the bare id, others by {@code Type/id}:
 * every way of naming the target must still find the study, and the study must still name its
 * targets as {@code Type/id} (for {@code _include}).
 */
class ReferenceSearchTest {
  private static final FhirContext R4 = FhirContext.forR4Cached();
  private static final String STUDY = SearchParamRegistry.RESEARCH_STUDY;

  private final Map<String, ResearchStudy> studies = new HashMap<>();
  private final SearchIndexes indexes =
      new SearchIndexes(R4, new SearchParamRegistry(R4, List.of(STUDY)), new StudySource(studies));

  {
    put(study("NCT00000001", "Location/NCT00000001-site-1", "Practitioner/NCT00000001-pi"));
    put(study("NCT00000002", "Location/NCT00000002-site-1", "PractitionerRole/NCT00000001-pi"));
    indexes.changedAll();
  }

  @Test
  void aSiteIsFoundByTypeAndIdByIdAndByAbsoluteUrl() {
    String site = "NCT00000001-site-1";
    assertThat(search("site", "Location/" + site)).containsExactly("NCT00000001");
    assertThat(search("site", site)).containsExactly("NCT00000001");
    assertThat(search("site:Location", site)).containsExactly("NCT00000001");
    assertThat(search("site", "https://example.org/fhir/Location/" + site))
        .containsExactly("NCT00000001");
    assertThat(search("site", "Location/NCT00000003-site-1")).isEmpty();
  }

  @Test
  void aParameterWithSeveralTargetsTellsTheTypesApart() {
    assertThat(search("principalinvestigator", "Practitioner/NCT00000001-pi"))
        .containsExactly("NCT00000001");
    assertThat(search("principalinvestigator", "PractitionerRole/NCT00000001-pi"))
        .containsExactly("NCT00000002");
    assertThat(search("principalinvestigator", "NCT00000001-pi"))
        .containsExactly("NCT00000001", "NCT00000002");
  }

  @Test
  void aStudyNamesItsTargetsAsTypeAndId() {
    assertThat(indexes.references(STUDY, "NCT00000002", "site"))
        .containsExactly("Location/NCT00000002-site-1");
    assertThat(indexes.references(STUDY, "NCT00000002", "principalinvestigator"))
        .containsExactly("PractitionerRole/NCT00000001-pi");
    assertThat(indexes.referencing(STUDY, "site", List.of("Location/NCT00000002-site-1")))
        .containsExactly("NCT00000002");
  }

  @Test
  void aSiteRemovedByAnUpdateIsNoLongerFound() {
    put(study("NCT00000001", "Location/NCT00000001-site-2", "Practitioner/NCT00000001-pi"));
    indexes.changed("NCT00000001");
    assertThat(search("site", "NCT00000001-site-1")).isEmpty();
    assertThat(search("site", "Location/NCT00000001-site-2")).containsExactly("NCT00000001");
  }

  private void put(ResearchStudy s) {
    studies.put(s.getIdPart(), s);
  }

  private List<String> search(String param, String value) {
    return indexes.search(STUDY, Map.of(param, new String[] {value}), false).ids();
  }

  private static ResearchStudy study(String id, String site, String investigator) {
    ResearchStudy s = new ResearchStudy();
    s.setId(id);
    s.addSite(new Reference(site));
    s.setPrincipalInvestigator(new Reference(investigator));
    return s;
  }
}
