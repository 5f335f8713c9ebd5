package org.fhirtrials.fhir;

import ca.uhn.fhir.context.FhirContext;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

  /** User data key of a {@link #standIn stand-in}: the cached trial whose JSON it stands for. */
  private static final String MAPPED_FROM = TrialResources.class.getName() + ".mappedFrom";

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
    return current(type, id).map(this::copy);
  }

  /**
   * A stand-in for the resource {@code type/id}: an empty resource with its id, version and
   * last-updated time, linked to the cached trial it comes from, for a response whose body {@link
   * EncodedResponses} takes from that trial's cached JSON (so nothing is copied or encoded).
   */
  public Optional<IBaseResource> readStandIn(String type, String id) {
    return Optional.ofNullable(standIns(List.of(type + "/" + id)).get(type + "/" + id));
  }

  /**
   * {@link #readStandIn Stand-ins} for the resources at these relative references ({@code
   * Type/id}), by reference in the order given; references to nothing are left out. The store is
   * asked once for the versions of all their trials and once for the trials not in the cache.
   */
  public Map<String, IBaseResource> standIns(Collection<String> references) {
    Map<String, IIdType> parsed = new LinkedHashMap<>();
    Set<String> nctIds = new HashSet<>();
    for (String reference : references) {
      referenceId(reference)
          .ifPresent(
              id ->
                  ResourceIds.trialOf(id.getIdPart())
                      .ifPresent(
                          nctId -> {
                            parsed.put(reference, id);
                            nctIds.add(nctId);
                          }));
    }
    Map<String, MappedTrial> trials = current(nctIds);
    Map<String, IBaseResource> out = new LinkedHashMap<>();
    parsed.forEach(
        (reference, id) -> {
          MappedTrial m = ResourceIds.trialOf(id.getIdPart()).map(trials::get).orElse(null);
          IBaseResource r =
              m == null ? null : m.resource(id.getResourceType(), id.getIdPart()).orElse(null);
          if (r != null) {
            out.put(reference, standIn(r, m));
          }
        });
    return out;
  }

  private Optional<IBaseResource> current(String type, String id) {
    return ResourceIds.trialOf(id)
        .map(nctId -> current(List.of(nctId)).get(nctId))
        .flatMap(m -> m.resource(type, id));
  }

  /**
   * The mapped current versions of these stored trials (ids not stored left out): their versions
   * are asked first, so a cached trial is neither read nor parsed again, and the others are read in
   * one go.
   */
  private Map<String, MappedTrial> current(Collection<String> nctIds) {
    Map<String, MappedTrial> out = new HashMap<>();
    List<String> uncached = new ArrayList<>();
    store
        .versions(nctIds)
        .forEach(
            (nctId, version) -> {
              MappedTrial m = cache.getIfPresent(new Key(nctId, version));
              if (m != null) {
                out.put(nctId, m);
              } else {
                uncached.add(nctId);
              }
            });
    for (StoredTrial stored : store.getAll(uncached)) {
      out.put(stored.nctId(), mapped(stored));
    }
    return out;
  }

  /** A copy of the resource a {@link #standIn stand-in} stands for; anything else unchanged. */
  IBaseResource realise(IBaseResource resource) {
    if (resource.getUserData(MAPPED_FROM) instanceof MappedTrial from) {
      String reference =
          context().getResourceType(resource) + "/" + resource.getIdElement().getIdPart();
      return copy(from.byReference().get(reference));
    }
    return resource;
  }

  /**
   * An empty resource of the same type with the same id and meta (what the headers are made from).
   */
  private IBaseResource standIn(IBaseResource resource, MappedTrial from) {
    IBaseResource standIn = context().getResourceDefinition(resource).newInstance();
    standIn.setId(resource.getIdElement());
    standIn.getMeta().setVersionId(resource.getMeta().getVersionId());
    standIn.getMeta().setLastUpdated(resource.getMeta().getLastUpdated());
    standIn.setUserData(MAPPED_FROM, from);
    return standIn;
  }

  /** A copy of the resource a relative reference ({@code Group/NCT...-eligibility}) points to. */
  public Optional<IBaseResource> resolve(String reference) {
    return referenceId(reference).flatMap(id -> read(id.getResourceType(), id.getIdPart()));
  }

  private Optional<IIdType> referenceId(String reference) {
    if (reference == null) {
      return Optional.empty();
    }
    IIdType id = context().getVersion().newIdType().setValue(reference);
    if (!id.hasResourceType() || !id.hasIdPart() || id.isAbsolute()) {
      return Optional.empty();
    }
    return Optional.of(id);
  }

  /**
   * The JSON (UTF-8) HAPI's parser writes for {@code resource} with no pretty-printing and {@code
   * base} as server base: for a {@link #readStandIn stand-in}, the cached encoding of the resource
   * it stands for; any other resource is encoded now.
   */
  public byte[] json(IBaseResource resource, String base) {
    if (resource.getUserData(MAPPED_FROM) instanceof MappedTrial from) {
      String reference =
          context().getResourceType(resource) + "/" + resource.getIdElement().getIdPart();
      return from.json(base, reference, r -> encode(r, base))
          .orElseThrow(() -> new IllegalStateException("no " + reference + " in its trial"));
    }
    return encode(resource, base);
  }

  private byte[] encode(IBaseResource resource, String base) {
    return context()
        .newJsonParser()
        .setPrettyPrint(false)
        .setServerBaseUrl(base)
        .encodeResourceToString(resource)
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A deep copy that callers may change (HAPI stores request data on resources): the model's
   * generated {@code copy()}, several times faster than HAPI's reflective clone.
   */
  @SuppressWarnings("unchecked")
  public <T extends IBaseResource> T copy(T resource) {
    if (resource instanceof org.hl7.fhir.r4.model.Resource r4) {
      return (T) r4.copy();
    }
    if (resource instanceof org.hl7.fhir.r5.model.Resource r5) {
      return (T) r5.copy();
    }
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
