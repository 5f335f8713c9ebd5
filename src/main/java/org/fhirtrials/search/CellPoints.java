package org.fhirtrials.search;

import java.util.Arrays;

/**
 * The points of one {@code near} grid cell: for each, the document ordinal, latitude and longitude,
 * in growable primitive arrays, so a {@code near} search measures only the points in the cells
 * around it, not every point of every document that has one there.
 */
final class CellPoints {
  private int[] ordinals = new int[2];
  private double[] lats = new double[2];
  private double[] lons = new double[2];
  private int size;

  void add(int ordinal, double lat, double lon) {
    if (size == ordinals.length) {
      int capacity = Math.max(2, size * 2);
      ordinals = Arrays.copyOf(ordinals, capacity);
      lats = Arrays.copyOf(lats, capacity);
      lons = Arrays.copyOf(lons, capacity);
    }
    ordinals[size] = ordinal;
    lats[size] = lat;
    lons[size] = lon;
    size++;
  }

  /** Gives back spare capacity. */
  void trim() {
    if (ordinals.length > size) {
      ordinals = Arrays.copyOf(ordinals, size);
      lats = Arrays.copyOf(lats, size);
      lons = Arrays.copyOf(lons, size);
    }
  }

  /** Removes every point of {@code ordinal}. */
  void remove(int ordinal) {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (ordinals[i] != ordinal) {
        ordinals[kept] = ordinals[i];
        lats[kept] = lats[i];
        lons[kept] = lons[i];
        kept++;
      }
    }
    size = kept;
  }

  int size() {
    return size;
  }

  int ordinal(int i) {
    return ordinals[i];
  }

  double lat(int i) {
    return lats[i];
  }

  double lon(int i) {
    return lons[i];
  }
}
