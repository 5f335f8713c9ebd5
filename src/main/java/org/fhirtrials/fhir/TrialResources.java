package org.fhirtrials.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fhirtrials.mapping.ResourceIds;
import org.fhirtrials.store.StoredTrial;
import org.fhirtrials.store.TrialStore;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * The served resources of one FHIR version: maps stored trials with the version's mapper, stamps
 * {@code meta.versionId}/{@code meta.lastUpdated} from the store record, and caches the result
 * (bounded, keyed by NCT id and store version, so a changed trial is mapped afresh).
 */
public final class TrialResources {
  private record Key(String nctId, long versionId) {}

  private final TrialStore store;
  private final VersionBinding binding;
  private final Cache<Key, MappedTrial> cache;

  public TrialResources(TrialStore store, VersionBinding binding, long cacheSize) {
    this.store = store;
    this.binding = binding;
    this.cache = Caffeine.newBuilder().maximumSize(cacheSize).build();
  }

  public VersionBinding binding() {
    return binding;
  }

  public FhirContext context() {
    return binding.context();
  }

  public TrialStore store() {
    return store;
  }

  /** The mapped resources of a stored trial (from the cache when possible). */
  public MappedTrial mapped(StoredTrial stored) {
    return cache.get(new Key(stored.nctId(), stored.versionId()), k -> map(stored));
  }

  /**
   * The mapped resources of a stored trial, from the cache if there, else mapped without being
   * cached (for indexing: the cache keeps what clients read, not every trial the index saw).
   */
  public MappedTrial mappedUncached(StoredTrial stored) {
    MappedTrial cached = cache.getIfPresent(new Key(stored.nctId(), stored.versionId()));
    return cached != null ? cached : map(stored);
  }

  /** A copy of the resource {@code type/id}, resolved to its trial by {@link ResourceIds}. */
  public Optional<IBaseResource> read(String type, String id) {
    return ResourceIds.trialOf(id)
        .flatMap(store::get)
        .map(this::mapped)
        .flatMap(m -> m.resource(type, id))
        .map(this::copy);
  }

  /** A copy of the resource a relative reference ({@code Group/NCT...-eligibility}) points to. */
  public Optional<IBaseResource> resolve(String reference) {
    if (reference == null) {
      return Optional.empty();
    }
    IIdType id = context().getVersion().newIdType().setValue(reference);
    if (!id.hasResourceType() || !id.hasIdPart() || id.isAbsolute()) {
      return Optional.empty();
    }
    return read(id.getResourceType(), id.getIdPart());
  }

  /** A deep copy that callers may change (HAPI stores request data on resources). */
  public <T extends IBaseResource> T copy(T resource) {
    return context().newTerser().clone(resource);
  }

  private MappedTrial map(StoredTrial stored) {
    List<? extends IBaseResource> resources = binding.map(stored.trial());
    if (resources.isEmpty()) {
      throw new IllegalStateException("mapper produced no resources for " + stored.nctId());
    }
    String version = Long.toString(stored.versionId());
    Date lastUpdated = Date.from(stored.lastUpdated());
    Map<String, IBaseResource> byReference = new LinkedHashMap<>();
    for (IBaseResource resource : resources) {
      String type = context().getResourceType(resource);
      String idPart = resource.getIdElement().getIdPart();
      resource.setId(context().getVersion().newIdType().setParts(null, type, idPart, version));
      resource.getMeta().setVersionId(version);
      resource.getMeta().setLastUpdated(lastUpdated);
      byReference.put(type + "/" + idPart, resource);
    }
    IBaseResource study = resources.get(0);
    return new MappedTrial(stored, study, Map.copyOf(byReference));
  }
}
