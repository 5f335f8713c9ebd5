package org.fhirtrials.search;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;

/** The ids of all matching resources in result order, and their distances for a {@code near}. */
public final class SearchHits implements SearchResult {
  private final List<String> ids;
  private final List<Double> distancesKm;

  /**
   * @param ids resource ids (logical ids of the searched type)
   * @param distancesKm for a {@code near} search, each hit's distance in km (same order), else
   *     empty
   */
  public SearchHits(List<String> ids, List<Double> distancesKm) {
    this.ids = List.copyOf(ids);
    this.distancesKm = List.copyOf(distancesKm);
  }

  private SearchHits(String[] ids, double[] distancesKm) {
    this.ids = Collections.unmodifiableList(Arrays.asList(ids));
    this.distancesKm = distancesKm == null ? List.of() : new Distances(distancesKm);
  }

  /** Hits over arrays this result owns from now on (no copy, no boxing until read). */
  static SearchHits of(String[] ids, double[] distancesKm) {
    return new SearchHits(ids, distancesKm);
  }

  public List<String> ids() {
    return ids;
  }

  public List<Double> distancesKm() {
    return distancesKm;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SearchHits h && ids.equals(h.ids) && distancesKm.equals(h.distancesKm);
  }

  @Override
  public int hashCode() {
    return 31 * ids.hashCode() + distancesKm.hashCode();
  }

  @Override
  public String toString() {
    return "SearchHits" + ids + (distancesKm.isEmpty() ? "" : " at " + distancesKm + " km");
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

  /** A read-only view of distances, boxed only when read. */
  private static final class Distances extends AbstractList<Double> implements RandomAccess {
    private final double[] km;

    Distances(double[] km) {
      this.km = km;
    }

    @Override
    public Double get(int index) {
      return km[index];
    }

    @Override
    public int size() {
      return km.length;
    }
  }
}
