package org.fhirtrials.eligibility.evaluate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct checks and criteria of every compiled trial, each with an ordinal. Checks with equal
 * {@link Check#key() keys} (same category, codes, comparators, thresholds, unit, reference, window,
 * sex, combination) share one ordinal, and so do criteria that combine the same check ordinals the
 * same way (all of / any of), so that one patient's outcome of each is computed once per matching
 * run ({@link Memo}) rather than once per trial: registry trials repeat the same constraints ("ECOG
 * ≤ 1", "platelets ≥ 100 × 10^9/L") many times over. Thread-safe.
 */
final class CheckPool {
  /** A distinct criterion: how its checks combine and their ordinals (-1: not computable). */
  record CriterionDef(boolean allOf, int[] checks) {}

  private final Map<Object, Integer> checkOrdinals = new HashMap<>();
  private final Map<List<Object>, Integer> criterionOrdinals = new HashMap<>();
  private Check[] checks = new Check[256];
  private int checkCount;
  private CriterionDef[] criteria = new CriterionDef[256];
  private int criterionCount;

  /** The ordinal of the check's key (of the check itself when it has none), new if unseen. */
  synchronized int intern(Check check) {
    Object key = check.key() == null ? check : check.key();
    Integer ordinal = checkOrdinals.get(key);
    if (ordinal != null) {
      return ordinal;
    }
    if (checkCount == checks.length) {
      checks = Arrays.copyOf(checks, checkCount * 2);
    }
    checks[checkCount] = check;
    checkOrdinals.put(key, checkCount);
    return checkCount++;
  }

  /** The ordinal of the criterion combining these check ordinals, new if unseen. */
  synchronized int internCriterion(boolean allOf, int[] checkOrdinals) {
    List<Object> key = List.of(allOf, Arrays.stream(checkOrdinals).boxed().toList());
    Integer ordinal = criterionOrdinals.get(key);
    if (ordinal != null) {
      return ordinal;
    }
    if (criterionCount == criteria.length) {
      criteria = Arrays.copyOf(criteria, criterionCount * 2);
    }
    criteria[criterionCount] = new CriterionDef(allOf, checkOrdinals.clone());
    criterionOrdinals.put(key, criterionCount);
    return criterionCount++;
  }

  synchronized Check check(int ordinal) {
    return checks[ordinal];
  }

  synchronized CriterionDef criterion(int ordinal) {
    return criteria[ordinal];
  }

  /** The checks interned so far, by ordinal. */
  synchronized Check[] checks() {
    return Arrays.copyOf(checks, checkCount);
  }

  /** The criteria interned so far, by ordinal. */
  synchronized CriterionDef[] criteria() {
    return Arrays.copyOf(criteria, criterionCount);
  }

  synchronized int size() {
    return checkCount;
  }
}
