package org.fhirtrials.search;

import java.util.List;

/**
 * The ids of the matching resources in result order.
 *
 * @param ids resource ids (logical ids of the searched type)
 * @param distancesKm for a {@code near} search, each hit's distance in km (same order), else empty
 */
public record SearchHits(List<String> ids, List<Double> distancesKm) {
  public SearchHits {
    ids = List.copyOf(ids);
    distancesKm = List.copyOf(distancesKm);
  }
}
