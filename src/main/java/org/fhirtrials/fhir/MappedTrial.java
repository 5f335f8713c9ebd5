package org.fhirtrials.fhir;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.fhirtrials.store.StoredTrial;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The resources of one stored trial in one FHIR version, with version id and last-updated set, and
 * their JSON as served (encoded once, on first use). Shared through the cache: hand out {@link
 * TrialResources#copy copies}, never these instances.
 *
 * @param stored the stored trial
 * @param study its ResearchStudy
 * @param byReference every resource by {@code Type/id}
 * @param json the served JSON (UTF-8) of a resource by server base and {@code Type/id}
 */
public record MappedTrial(
    StoredTrial stored,
    IBaseResource study,
    Map<String, IBaseResource> byReference,
    Map<String, byte[]> json) {

  public MappedTrial(
      StoredTrial stored, IBaseResource study, Map<String, IBaseResource> byReference) {
    this(stored, study, byReference, new ConcurrentHashMap<>());
  }

  public Optional<IBaseResource> resource(String type, String id) {
    return Optional.ofNullable(byReference.get(type + "/" + id));
  }

  /**
   * The JSON of resource {@code reference} as served from {@code base}, encoded by {@code encoder}
   * the first time; empty if the trial has no such resource.
   */
  Optional<byte[]> json(String base, String reference, Function<IBaseResource, byte[]> encoder) {
    IBaseResource resource = byReference.get(reference);
    if (resource == null) {
      return Optional.empty();
    }
    return Optional.of(json.computeIfAbsent(base + " " + reference, k -> encoder.apply(resource)));
  }
}
