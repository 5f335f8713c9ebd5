package org.fhirtrials.eligibility.evaluate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The distinct checks of every compiled trial, each with an ordinal: checks with equal {@link
 * Check#key() keys} (same category, codes, comparators, thresholds, unit, reference, window, sex,
 * combination) share one ordinal, so that one patient's outcome of a check is computed once per
 * matching run ({@link Memo}) rather than once per trial. Registry trials repeat the same
 * constraints ("ECOG ≤ 1", "platelets ≥ 100 × 10^9/L") many times over. Thread-safe.
 */
final class CheckPool {
  private final Map<Object, Integer> ordinals = new HashMap<>();
  private Check[] checks = new Check[256];
  private int size;

  /** The ordinal of the check's key (of the check itself when it has none), new if unseen. */
  synchronized int intern(Check check) {
    Object key = check.key() == null ? check : check.key();
    Integer ordinal = ordinals.get(key);
    if (ordinal != null) {
      return ordinal;
    }
    if (size == checks.length) {
      checks = Arrays.copyOf(checks, size * 2);
    }
    checks[size] = check;
    ordinals.put(key, size);
    return size++;
  }

  /** The representative check of each ordinal interned so far. */
  synchronized Check[] snapshot() {
    return Arrays.copyOf(checks, size);
  }

  synchronized int size() {
    return size;
  }
}
