package org.fhirtrials.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.fhirtrials.mapping.r5.R5TrialMapper;
import org.fhirtrials.model.Trial;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r5.model.CapabilityStatement;
import org.hl7.fhir.r5.model.Resource;

/** The R5 base: the R5 mapper and the R5 CapabilityStatement identity. */
public final class R5Binding implements VersionBinding {
  private final R5TrialMapper mapper = new R5TrialMapper();

  @Override
  public String name() {
    return "R5";
  }

  @Override
  public FhirContext context() {
    return FhirContext.forR5Cached();
  }

  @Override
  public List<Resource> map(Trial trial) {
    return mapper.map(trial);
  }

  @Override
  public void describe(IBaseConformance conformance) {
    CapabilityStatement cs = (CapabilityStatement) conformance;
    cs.setName("FhirTrialsR5");
    cs.setTitle("fhir-trials FHIR R5 server");
    cs.setPublisher(StudyParams.PUBLISHER);
    cs.setDescription(StudyParams.DESCRIPTION);
    cs.getSoftware().setName(StudyParams.SOFTWARE);
  }
}
