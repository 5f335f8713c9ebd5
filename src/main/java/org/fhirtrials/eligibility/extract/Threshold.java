package org.fhirtrials.eligibility.extract;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One bound: {@code comparator value}. A range is two thresholds (a lower and an upper bound).
 *
 * @param comparator the comparator as written (after normalising words and symbols)
 * @param value the number as written (e.g. 1.5 for "1.5 × 10^9/L"; 2 for "2 × ULN")
 */
public record Threshold(Comparator comparator, BigDecimal value) {
  public Threshold {
    Objects.requireNonNull(comparator, "comparator");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return comparator.fhirCode() + " " + value.toPlainString();
  }
}
