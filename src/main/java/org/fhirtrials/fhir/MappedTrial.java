package org.fhirtrials.fhir;

import java.util.Map;
import java.util.Optional;
import org.fhirtrials.store.StoredTrial;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The resources of one stored trial in one FHIR version, with version id and last-updated set.
 * Shared through the cache: hand out {@link TrialResources#copy copies}, never these instances.
 *
 * @param stored the stored trial
 * @param study its ResearchStudy
 * @param byReference every resource by {@code Type/id}
 */
public record MappedTrial(
    StoredTrial stored, IBaseResource study, Map<String, IBaseResource> byReference) {

  public Optional<IBaseResource> resource(String type, String id) {
    return Optional.ofNullable(byReference.get(type + "/" + id));
  }
}
