package org.fhirtrials.search;

import java.util.List;

/**
 * The ids of all matching resources in result order.
 *
 * @param ids resource ids (logical ids of the searched type)
 * @param distancesKm for a {@code near} search, each hit's distance in km (same order), else empty
 */
public record SearchHits(List<String> ids, List<Double> distancesKm) implements SearchResult {
  public SearchHits {
    ids = List.copyOf(ids);
    distancesKm = List.copyOf(distancesKm);
  }

  @Override
  public Integer total() {
    return ids.size();
  }

  @Override
  public List<String> ids(int from, int to) {
    int end = Math.min(ids.size(), Math.max(0, to));
    return ids.subList(Math.min(Math.max(0, from), end), end);
  }
}
