package org.fhirtrials.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongToIntFunction;

/**
 * The hits of an in-memory search in result order, put in order only as far as pages are read: when
 * the order is one primitive sort key per hit (by id, or by distance then id), reading the first
 * page selects its hits (a bounded heap, linear in the hits) instead of sorting them all; a later
 * page sorts the rest once. The keys are unique, so a page holds exactly what a full sort puts
 * there. Reads arrays the index no longer changes (ids of ordinals it gave, rank arrays it replaced
 * rather than changed), so pages are read without the index lock. Thread-safe.
 */
final class OrderedHits implements SearchResult {
  /** Pages ending at most here (and within a quarter of the hits) are selected, not sorted. */
  private static final int SELECT_LIMIT = 1_000;

  private final long[] keys;
  private final LongToIntFunction ordinalOf;
  private final String[] ids;
  private final OrdinalDistances distances;
  private final int total;

  /** The ordinals of the first {@code ordered.length} positions of the result. */
  private int[] ordered;

  private OrderedHits(
      long[] keys,
      LongToIntFunction ordinalOf,
      int[] ordered,
      String[] ids,
      OrdinalDistances distances) {
    this.keys = keys;
    this.ordinalOf = ordinalOf;
    this.ordered = ordered;
    this.ids = ids;
    this.distances = distances;
    this.total = keys != null ? keys.length : ordered.length;
  }

  /** Hits already in result order. */
  static OrderedHits of(int[] ordered, String[] ids, OrdinalDistances distances) {
    return new OrderedHits(null, null, ordered, ids, distances);
  }

  /**
   * Hits ordered by ascending unique keys, sorted when read.
   *
   * @param ordinalOf the ordinal a key stands for
   */
  static OrderedHits byKey(
      long[] keys, LongToIntFunction ordinalOf, String[] ids, OrdinalDistances distances) {
    return new OrderedHits(keys, ordinalOf, new int[0], ids, distances);
  }

  @Override
  public Integer total() {
    return total;
  }

  @Override
  public synchronized List<String> ids(int from, int to) {
    int end = Math.min(total, Math.max(0, to));
    int start = Math.min(Math.max(0, from), end);
    orderUpTo(end);
    List<String> out = new ArrayList<>(end - start);
    for (int i = start; i < end; i++) {
      out.add(ids[ordered[i]]);
    }
    return out;
  }

  /** All hits, with their distances for a {@code near} search. */
  synchronized SearchHits all() {
    orderUpTo(total);
    String[] out = new String[total];
    double[] km = distances.isEmpty() ? null : new double[total];
    for (int i = 0; i < total; i++) {
      out[i] = ids[ordered[i]];
      if (km != null) {
        km[i] = distances.get(ordered[i], Double.NaN);
      }
    }
    return SearchHits.of(out, km);
  }

  private void orderUpTo(int end) {
    if (ordered.length >= end) {
      return;
    }
    long[] first;
    if (end <= SELECT_LIMIT && end <= total / 4) {
      first = smallest(keys, end);
    } else {
      Arrays.sort(keys);
      first = keys;
    }
    int[] out = new int[first.length];
    for (int i = 0; i < first.length; i++) {
      out[i] = ordinalOf.applyAsInt(first[i]);
    }
    ordered = out;
  }

  /** The {@code k} smallest keys, ascending: a max-heap of the k smallest seen so far. */
  static long[] smallest(long[] keys, int k) {
    long[] heap = new long[k];
    int size = 0;
    for (long key : keys) {
      if (size < k) {
        int i = size++;
        while (i > 0 && heap[(i - 1) / 2] < key) {
          heap[i] = heap[(i - 1) / 2];
          i = (i - 1) / 2;
        }
        heap[i] = key;
      } else if (key < heap[0]) {
        int i = 0;
        while (true) {
          int child = 2 * i + 1;
          if (child >= size) {
            break;
          }
          if (child + 1 < size && heap[child + 1] > heap[child]) {
            child++;
          }
          if (heap[child] <= key) {
            break;
          }
          heap[i] = heap[child];
          i = child;
        }
        heap[i] = key;
      }
    }
    long[] out = Arrays.copyOf(heap, size);
    Arrays.sort(out);
    return out;
  }
}
