package org.fhirtrials.fhir;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.primitive.InstantDt;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.fhirtrials.store.StoredTrial;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * A search result over a fixed snapshot of stored trials, so its pages stay stable while the store
 * changes. Each page's studies are copies whose requested include references carry the target
 * resource; HAPI adds those to the Bundle with {@code search.mode=include}.
 */
final class StudyBundle implements IBundleProvider {
  private final TrialResources resources;
  private final List<StoredTrial> matches;
  private final Set<String> includes;
  private final InstantDt published = new InstantDt(new Date());

  StudyBundle(TrialResources resources, List<StoredTrial> matches, Set<String> includes) {
    this.resources = resources;
    this.matches = List.copyOf(matches);
    this.includes = Set.copyOf(includes);
  }

  @Override
  public List<IBaseResource> getResources(int fromIndex, int toIndex) {
    int from = Math.max(0, fromIndex);
    int to = Math.min(matches.size(), toIndex);
    List<IBaseResource> page = new ArrayList<>();
    for (StoredTrial stored : matches.subList(Math.min(from, to), to)) {
      IBaseResource study = resources.copy(resources.mapped(stored).study());
      for (String include : includes) {
        for (IBaseReference ref : resources.binding().includeReferences(study, include)) {
          resources.resolve(ref.getReferenceElement().getValue()).ifPresent(ref::setResource);
        }
      }
      ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(study, BundleEntrySearchModeEnum.MATCH);
      page.add(study);
    }
    return page;
  }

  @Override
  public IPrimitiveType<Date> getPublished() {
    return published;
  }

  /** Null: the paging provider assigns the id under which later pages are fetched. */
  @Override
  public String getUuid() {
    return null;
  }

  @Override
  public Integer preferredPageSize() {
    return null;
  }

  @Override
  public Integer size() {
    return matches.size();
  }
}
