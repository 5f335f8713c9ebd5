package org.fhirtrials.search;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The date or number values of one parameter, by document ordinal: a value is a range (a date
 * covers its first to its last millisecond; a number is the range of itself). Most documents have
 * one value, which two primitive arrays hold; the further values of a document with several are
 * kept aside. Not thread-safe (guarded with its {@link TypeIndex}).
 */
final class RangeColumn {
  private static final double[] NONE = new double[0];

  /** The first value of each ordinal; NaN where the document has none. */
  private double[] lows = NONE;

  private double[] highs = NONE;

  /** (low, high) pairs after the first, of the documents with several values. */
  private final Map<Integer, double[]> more = new HashMap<>();

  /** A test of one value against a search's range. */
  interface Test {
    boolean matches(double low, double high);
  }

  /** Sets a document's values: (low, high) pairs; none clears them. */
  void set(int ordinal, double[] pairs) {
    if (pairs.length == 0) {
      clear(ordinal);
      return;
    }
    if (ordinal >= lows.length) {
      int capacity = Math.max(16, Math.max(ordinal + 1, lows.length * 2));
      int from = lows.length;
      lows = Arrays.copyOf(lows, capacity);
      highs = Arrays.copyOf(highs, capacity);
      Arrays.fill(lows, from, capacity, Double.NaN);
      Arrays.fill(highs, from, capacity, Double.NaN);
    }
    lows[ordinal] = pairs[0];
    highs[ordinal] = pairs[1];
    if (pairs.length > 2) {
      more.put(ordinal, Arrays.copyOfRange(pairs, 2, pairs.length));
    } else {
      more.remove(ordinal);
    }
  }

  /** Gives back the room beyond the last ordinal with a value. */
  void trim() {
    int n = lows.length;
    while (n > 0 && Double.isNaN(lows[n - 1])) {
      n--;
    }
    if (n < lows.length) {
      lows = n == 0 ? NONE : Arrays.copyOf(lows, n);
      highs = n == 0 ? NONE : Arrays.copyOf(highs, n);
    }
  }

  void clear(int ordinal) {
    if (ordinal < lows.length) {
      lows[ordinal] = Double.NaN;
      highs[ordinal] = Double.NaN;
    }
    more.remove(ordinal);
  }

  /** The low end of a document's first value (the sort key); NaN when it has none. */
  double first(int ordinal) {
    return ordinal < lows.length ? lows[ordinal] : Double.NaN;
  }

  /** Every value of a document as (low, high) pairs; empty when it has none. */
  double[] all(int ordinal) {
    double low = first(ordinal);
    if (Double.isNaN(low)) {
      return NONE;
    }
    double[] further = more.getOrDefault(ordinal, NONE);
    double[] out = new double[2 + further.length];
    out[0] = low;
    out[1] = highs[ordinal];
    System.arraycopy(further, 0, out, 2, further.length);
    return out;
  }

  /** The documents with a value that passes the test, ascending. */
  int[] matching(Test test) {
    int[] out = new int[16];
    int n = 0;
    for (int o = 0; o < lows.length; o++) {
      double low = lows[o];
      if (low == low && (test.matches(low, highs[o]) || anyMore(o, test))) { // low == low: not NaN
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = o;
      }
    }
    return Arrays.copyOf(out, n);
  }

  private boolean anyMore(int ordinal, Test test) {
    double[] pairs = more.isEmpty() ? null : more.get(ordinal);
    if (pairs != null) {
      for (int i = 0; i < pairs.length; i += 2) {
        if (test.matches(pairs[i], pairs[i + 1])) {
          return true;
        }
      }
    }
    return false;
  }
}
