package org.fhirtrials.search;

import java.util.Arrays;
import java.util.List;

/**
 * A growable sorted set of document ordinals (one posting list of an inverted index), and the set
 * operations on sorted {@code int[]} results. New documents get ascending ordinals, so adding is
 * usually an append.
 */
final class Postings {
  static final int[] EMPTY = new int[0];

  private int[] values = new int[2];
  private int size;

  void add(int ordinal) {
    if (size == 0 || values[size - 1] < ordinal) {
      // the usual case: a new document's ordinal is above every one held
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = ordinal;
      return;
    }
    int at = Arrays.binarySearch(values, 0, size, ordinal);
    if (at >= 0) {
      return;
    }
    int insert = -at - 1;
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    System.arraycopy(values, insert, values, insert + 1, size - insert);
    values[insert] = ordinal;
    size++;
  }

  void remove(int ordinal) {
    int at = Arrays.binarySearch(values, 0, size, ordinal);
    if (at >= 0) {
      System.arraycopy(values, at + 1, values, at, size - at - 1);
      size--;
    }
  }

  boolean contains(int ordinal) {
    return Arrays.binarySearch(values, 0, size, ordinal) >= 0;
  }

  int size() {
    return size;
  }

  int[] toArray() {
    return Arrays.copyOf(values, size);
  }

  /** Sorted intersection of two sorted sets. */
  static int[] and(int[] a, int[] b) {
    int[] out = new int[Math.min(a.length, b.length)];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        out[n++] = a[i];
        i++;
        j++;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** Sorted union of sorted sets. */
  static int[] or(List<int[]> sets) {
    if (sets.isEmpty()) {
      return EMPTY;
    }
    if (sets.size() == 1) {
      return sets.get(0);
    }
    return Arrays.stream(sets.toArray(int[][]::new))
        .flatMapToInt(Arrays::stream)
        .sorted()
        .distinct()
        .toArray();
  }

  /** The members of {@code all} not in {@code b}. */
  static int[] andNot(int[] all, int[] b) {
    int[] out = new int[all.length];
    int j = 0;
    int n = 0;
    for (int x : all) {
      while (j < b.length && b[j] < x) {
        j++;
      }
      if (j >= b.length || b[j] != x) {
        out[n++] = x;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
