package org.fhirtrials.search;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.Test;

/** A trial whose resources cannot be read keeps no other trial out of the index. */
class IndexingFailureTest {
  private static final FhirContext R4 = FhirContext.forR4Cached();
  private static final String BROKEN = "NCT00000050";

  @Test
  void aTrialThatCannotBeIndexedIsSkippedAndTheOthersAreSearchable() {
    // enough trials that the bulk path (chunks prepared on all cores) indexes them
    Map<String, ResearchStudy> studies = new TreeMap<>();
    for (int i = 1; i <= 300; i++) {
      String id = String.format("NCT%08d", i);
      ResearchStudy s = new ResearchStudy();
      s.setId(id);
      s.addCondition(new CodeableConcept().setText("Severe Asthma"));
      studies.put(id, s);
    }
    SearchIndexes indexes =
        new SearchIndexes(
            R4,
            new SearchParamRegistry(R4, List.of(SearchParamRegistry.RESEARCH_STUDY)),
            new StudySource(studies, Set.of(BROKEN)));
    indexes.changedAll();

    List<String> found =
        indexes
            .search(
                SearchParamRegistry.RESEARCH_STUDY,
                Map.of("condition:text", new String[] {"asthma"}),
                false)
            .ids();

    assertThat(found).hasSize(299).doesNotContain(BROKEN).contains("NCT00000049", "NCT00000300");
  }
}
