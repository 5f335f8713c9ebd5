package org.fhirtrials.fhir;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.primitive.InstantDt;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fhirtrials.search.SearchBackend;
import org.fhirtrials.search.SearchParamRegistry;
import org.fhirtrials.search.SearchResult;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * A search result: the matches, a page at a time as the {@link SearchResult} gives them (the
 * in-memory index keeps the ids that matched when the search ran; PostgreSQL fetches each page, see
 * {@code SqlSearch}; either way a page reads each resource's current version) and, per page, the
 * resources its {@code _include}/{@code _revinclude} values reach, marked {@code
 * search.mode=include}. A page holds {@link TrialResources#readStandIn stand-ins}: {@link
 * EncodedResponses} serves their cached JSON or swaps in full copies before HAPI encodes a page
 * another way.
 */
final class SearchResultBundle implements IBundleProvider {
  private final TrialResources resources;
  private final SearchBackend indexes;
  private final String type;
  private final SearchResult result;
  private final List<IncludeSpec> includes;
  private final List<IncludeSpec> revIncludes;
  private final InstantDt published = new InstantDt(new Date());

  SearchResultBundle(
      TrialResources resources,
      SearchBackend indexes,
      String type,
      SearchResult result,
      List<IncludeSpec> includes,
      List<IncludeSpec> revIncludes) {
    this.resources = resources;
    this.indexes = indexes;
    this.type = type;
    this.result = result;
    this.includes = List.copyOf(includes);
    this.revIncludes = List.copyOf(revIncludes);
  }

  @Override
  public List<IBaseResource> getResources(int fromIndex, int toIndex) {
    List<IBaseResource> page = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<String> matches =
        result.ids(fromIndex, toIndex).stream().map(id -> type + "/" + id).toList();
    resources
        .standIns(matches)
        .forEach(
            (ref, r) -> {
              ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(r, BundleEntrySearchModeEnum.MATCH);
              page.add(r);
              seen.add(ref);
            });
    List<String> frontier = new ArrayList<>(seen);
    boolean first = true;
    while (!frontier.isEmpty()) {
      Set<String> found = new LinkedHashSet<>();
      Map<String, Map<String, List<String>>> targets = includeTargets(frontier, first);
      for (String ref : frontier) {
        String[] parts = ref.split("/", 2);
        for (IncludeSpec inc : includes) {
          if (first || inc.iterate()) {
            for (String param : inc.params(parts[0], indexes.registry())) {
              for (String target :
                  targets.getOrDefault(param, Map.of()).getOrDefault(ref, List.of())) {
                if (inc.targetType() == null || target.startsWith(inc.targetType() + "/")) {
                  found.add(target);
                }
              }
            }
          }
        }
        for (IncludeSpec rev : revIncludes) {
          if ((first || rev.iterate()) && !rev.sourceType().equals(IncludeSpec.ALL)) {
            for (String param : rev.params(rev.sourceType(), indexes.registry())) {
              indexes
                  .referencing(rev.sourceType(), param, List.of(ref))
                  .forEach(id -> found.add(rev.sourceType() + "/" + id));
            }
          }
        }
      }
      found.removeAll(seen);
      seen.addAll(found);
      resources
          .standIns(found)
          .values()
          .forEach(
              r -> {
                ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(r, BundleEntrySearchModeEnum.INCLUDE);
                page.add(r);
              });
      frontier = new ArrayList<>(found);
      first = false;
    }
    return page;
  }

  /**
   * The targets of the {@code _include} parameters for every resource of the frontier: parameter →
   * {@code Type/id} → targets, asked of the backend once per type and parameter.
   */
  private Map<String, Map<String, List<String>>> includeTargets(
      List<String> frontier, boolean first) {
    Map<String, List<String>> idsByType = new LinkedHashMap<>();
    for (String ref : frontier) {
      String[] parts = ref.split("/", 2);
      idsByType.computeIfAbsent(parts[0], t -> new ArrayList<>()).add(parts[1]);
    }
    Map<String, Map<String, List<String>>> out = new HashMap<>();
    idsByType.forEach(
        (sourceType, sourceIds) -> {
          Set<String> params = new LinkedHashSet<>();
          for (IncludeSpec inc : includes) {
            if (first || inc.iterate()) {
              params.addAll(inc.params(sourceType, indexes.registry()));
            }
          }
          for (String param : params) {
            indexes
                .references(sourceType, sourceIds, param)
                .forEach(
                    (id, refs) ->
                        out.computeIfAbsent(param, p -> new HashMap<>())
                            .put(sourceType + "/" + id, refs));
          }
        });
    return out;
  }

  @Override
  public IPrimitiveType<Date> getPublished() {
    return published;
  }

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
    return result.total();
  }

  static boolean isStudy(String type) {
    return SearchParamRegistry.RESEARCH_STUDY.equals(type);
  }
}
