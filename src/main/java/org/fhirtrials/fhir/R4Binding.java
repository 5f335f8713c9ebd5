package org.fhirtrials.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.fhirtrials.mapping.r4.R4TrialMapper;
import org.fhirtrials.model.Trial;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Resource;

/** The R4 base: the R4 mapper and the R4 CapabilityStatement identity. */
public final class R4Binding implements VersionBinding {
  private final R4TrialMapper mapper = new R4TrialMapper();

  @Override
  public String name() {
    return "R4";
  }

  @Override
  public FhirContext context() {
    return FhirContext.forR4Cached();
  }

  @Override
  public List<Resource> map(Trial trial) {
    return mapper.map(trial);
  }

  @Override
  public void describe(IBaseConformance conformance) {
    CapabilityStatement cs = (CapabilityStatement) conformance;
    cs.setName("FhirTrialsR4");
    cs.setTitle("fhir-trials FHIR R4 server");
    cs.setPublisher(StudyParams.PUBLISHER);
    cs.setDescription(StudyParams.DESCRIPTION);
    cs.getSoftware().setName(StudyParams.SOFTWARE);
  }
}
