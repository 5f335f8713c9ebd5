package org.fhirtrials.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Optional;
import org.fhirtrials.mapping.r5.R5TrialMapper;
import org.fhirtrials.model.Trial;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r5.model.Bundle;
import org.hl7.fhir.r5.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r5.model.Bundle.BundleEntrySearchComponent;
import org.hl7.fhir.r5.model.CapabilityStatement;
import org.hl7.fhir.r5.model.Element;
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

  @Override
  public List<? extends IBase> entriesIfLast(IBaseBundle bundle) {
    return ((Bundle) bundle).hasSignature() || ((Bundle) bundle).hasIssues()
        ? null
        : ((Bundle) bundle).getEntry();
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
