package org.fhirtrials.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ResearchStudy;

/**
 * An index source of one ResearchStudy per trial, for index tests without a store or a mapper.
 *
 * @param unreadable trials whose resources cannot be read (reading them throws)
 */
record StudySource(Map<String, ResearchStudy> byId, Set<String> unreadable) implements IndexSource {
  StudySource(Map<String, ResearchStudy> byId) {
    this(byId, Set.of());
  }

  @Override
  public Collection<String> trialIds() {
    return byId.keySet();
  }

  @Override
  public Version current(String nctId) {
    ResearchStudy study = byId.get(nctId);
    if (study == null) {
      return null;
    }
    return new Version() {
      @Override
      public List<? extends IBaseResource> resources() {
        if (unreadable.contains(nctId)) {
          throw new IllegalStateException("cannot map " + nctId);
        }
        return List.of(study);
      }

      @Override
      public TrialText text() {
        return new TrialText("", "");
      }
    };
  }
}
