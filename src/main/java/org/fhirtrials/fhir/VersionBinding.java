package org.fhirtrials.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Optional;
import org.fhirtrials.model.Trial;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseBundle;
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

  /**
   * The Bundle's own (live) entry list when {@code entry} is its last element, as JSON encodes it
   * (no {@code signature}, nor R5 {@code issues}); else null.
   */
  List<? extends IBase> entriesIfLast(IBaseBundle bundle);

  /** A Bundle entry of this version as a {@link PlainEntry}, if it is one. */
  Optional<PlainEntry> plainEntry(IBase entry);
}
