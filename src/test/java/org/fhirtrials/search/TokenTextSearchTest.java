package org.fhirtrials.search;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.Test;

/** {@code condition:text}: a string search (starts with, per word) on the concept's text. */
class TokenTextSearchTest {
  private static final FhirContext R4 = FhirContext.forR4Cached();

  private final SearchIndexes indexes =
      new SearchIndexes(
          R4,
          new SearchParamRegistry(R4, List.of(SearchParamRegistry.RESEARCH_STUDY)),
          new StudySource(
              Map.of(
                  "NCT00000001", study("NCT00000001", "Severe Asthma"),
                  "NCT00000002", study("NCT00000002", "Hepatocellular Carcinoma"))));

  {
    indexes.changedAll();
  }

  @Test
  void textMatchesTheStartOfAWordCaseInsensitively() {
    assertThat(search("condition:text", "asth")).containsExactly("NCT00000001");
    assertThat(search("condition:text", "ASTHMA")).containsExactly("NCT00000001");
    assertThat(search("condition:text", "hépato carc")).containsExactly("NCT00000002");
  }

  @Test
  void textDoesNotMatchInsideAWordOrWhenAWordIsMissing() {
    assertThat(search("condition:text", "sthma")).isEmpty();
    assertThat(search("condition:text", "asthma carc")).isEmpty();
  }

  @Test
  void bareCodeMatchesTheWholeConceptTextOnly() {
    assertThat(search("condition", "hepatocellular carcinoma")).containsExactly("NCT00000002");
    assertThat(search("condition", "hepatocellular")).isEmpty();
  }

  private List<String> search(String param, String value) {
    return indexes
        .search(SearchParamRegistry.RESEARCH_STUDY, Map.of(param, new String[] {value}), false)
        .ids();
  }

  private static ResearchStudy study(String id, String condition) {
    ResearchStudy s = new ResearchStudy();
    s.setId(id);
    s.addCondition(new CodeableConcept().setText(condition));
    return s;
  }
}
