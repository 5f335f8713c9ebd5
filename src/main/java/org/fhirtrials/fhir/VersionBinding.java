package org.fhirtrials.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.fhirtrials.model.Trial;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** What differs between the R4 and the R5 base; everything else in this package is shared. */
public interface VersionBinding {
  /** {@code R4} or {@code R5}: also the base path segment in lower case. */
  String name();

  FhirContext context();

  /** All resources of a trial, ResearchStudy first (the version's mapper). */
  List<? extends IBaseResource> map(Trial trial);

  /** Sets the name, publisher and other descriptive elements of the generated statement. */
  void describe(IBaseConformance capabilityStatement);
}
