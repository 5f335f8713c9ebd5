package org.fhirtrials.search;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.Test;

/**
 * Token search by code: a token is indexed as {@code system|code} (or {@code |code}) only, so a
 * bare code must still find it under every system, and the qualified forms only where they apply.
 */
class TokenCodeSearchTest {
  private static final FhirContext R4 = FhirContext.forR4Cached();
  // made-up systems and codes: the index treats every system alike
  private static final String SYSTEM_A = "urn:example:a";
  private static final String SYSTEM_B = "urn:example:b";

  private final Map<String, ResearchStudy> studies = new HashMap<>();
  private final SearchIndexes indexes =
      new SearchIndexes(
          R4,
          new SearchParamRegistry(R4, List.of(SearchParamRegistry.RESEARCH_STUDY)),
          new StudySource(studies));

  {
    put(study("NCT00000001", new Coding(SYSTEM_A, "c1", null)));
    put(study("NCT00000002", new Coding(SYSTEM_B, "c1", null)));
    put(study("NCT00000003", new Coding(null, "c1", null)));
    put(study("NCT00000004", new Coding(SYSTEM_A, "c2", null)));
    indexes.changedAll();
  }

  @Test
  void bareCodeFindsTheCodeInEverySystemAndWithoutOne() {
    assertThat(search("condition", "c1"))
        .containsExactly("NCT00000001", "NCT00000002", "NCT00000003");
    assertThat(search("condition", "c2")).containsExactly("NCT00000004");
    assertThat(search("condition", "999")).isEmpty();
  }

  @Test
  void qualifiedCodesFindOnlyTheirSystem() {
    assertThat(search("condition", SYSTEM_A + "|c1")).containsExactly("NCT00000001");
    assertThat(search("condition", "|c1")).containsExactly("NCT00000003");
    assertThat(search("condition", SYSTEM_A + "|")).containsExactly("NCT00000001", "NCT00000004");
    assertThat(search("condition:not", "c1")).containsExactly("NCT00000004");
  }

  @Test
  void aCodeRemovedByAnUpdateIsNoLongerFound() {
    put(study("NCT00000002", new Coding(SYSTEM_B, "c3", null)));
    indexes.changed("NCT00000002");
    assertThat(search("condition", "c1")).containsExactly("NCT00000001", "NCT00000003");
    assertThat(search("condition", "c3")).containsExactly("NCT00000002");
  }

  @Test
  void aCodeInASystemFirstSeenAfterTheLoadIsFound() {
    put(study("NCT00000005", new Coding("urn:example:c", "c4", null)));
    indexes.changed("NCT00000005");
    assertThat(search("condition", "c4")).containsExactly("NCT00000005");
  }

  private void put(ResearchStudy s) {
    studies.put(s.getIdPart(), s);
  }

  private List<String> search(String param, String value) {
    return indexes
        .search(SearchParamRegistry.RESEARCH_STUDY, Map.of(param, new String[] {value}), false)
        .ids();
  }

  private static ResearchStudy study(String id, Coding coding) {
    ResearchStudy s = new ResearchStudy();
    s.setId(id);
    s.addCondition(new CodeableConcept().addCoding(coding));
    return s;
  }
}
