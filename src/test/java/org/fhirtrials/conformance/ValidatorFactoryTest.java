package org.fhirtrials.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import org.fhirtrials.mapping.FhirUrls;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.junit.jupiter.api.Test;

class ValidatorFactoryTest {
  @Test
  void ourStudyProfileRejectsAStudyWithoutTitle() {
    FhirContext ctx = FhirContext.forR4Cached();
    ResearchStudy s = new ResearchStudy();
    s.setId("NCT00000001");
    s.getMeta().addProfile(FhirUrls.PROFILE_RESEARCH_STUDY);
    s.setStatus(ResearchStudy.ResearchStudyStatus.ACTIVE);
    s.addIdentifier().setSystem(FhirUrls.NCT_SYSTEM).setValue("NCT00000001");
    var result = ValidatorFactory.create(ctx).validateWithResult(s);
    assertThat(result.getMessages())
        .anyMatch(
            m ->
                m.getSeverity() == ResultSeverityEnum.ERROR
                    && m.getLocationString().contains("ResearchStudy"));
  }

  @Test
  void loadsEveryPublishedConformanceResource() {
    assertThat(ConformanceResources.load(FhirContext.forR5Cached()))
        .hasSize(ConformanceArtifacts.forVersion(ca.uhn.fhir.context.FhirVersionEnum.R5).size());
  }
}
