package org.fhirtrials.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Optional;
import org.fhirtrials.mapping.r4.R4TrialMapper;
import org.fhirtrials.model.Trial;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleEntrySearchComponent;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Element;
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

  @Override
  public List<? extends IBase> entriesIfLast(IBaseBundle bundle) {
    return ((Bundle) bundle).hasSignature() ? null : ((Bundle) bundle).getEntry();
  }

  @Override
  public Optional<PlainEntry> plainEntry(IBase entry) {
    BundleEntryComponent e = (BundleEntryComponent) entry;
    if (!bare(e)
        || e.hasModifierExtension()
        || e.hasLink()
        || e.hasRequest()
        || e.hasResponse()
        || e.hasFullUrlElement() && !bare(e.getFullUrlElement())) {
      return Optional.empty();
    }
    String mode = null;
    if (e.hasSearch()) {
      BundleEntrySearchComponent s = e.getSearch();
      if (!bare(s)
          || s.hasModifierExtension()
          || s.hasModeElement() && !bare(s.getModeElement())
          || s.hasScoreElement()) {
        return Optional.empty();
      }
      mode = s.hasMode() ? s.getModeElement().getValueAsString() : null;
    }
    return Optional.of(
        new PlainEntry(e.hasFullUrl() ? e.getFullUrl() : null, e.getResource(), mode));
  }

  private static boolean bare(Element element) {
    return element == null || !element.hasId() && !element.hasExtension();
  }
}
