package org.fhirtrials.patient;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number with its unit (a UCUM code, or the unit as recorded when the source gave no UCUM code).
 */
public record Measure(BigDecimal value, String unit) {
  public Measure {
    Objects.requireNonNull(value, "value");
    // One representation per number, so equal measures are equal records (12.50 == 12.5 ==
    // 1.25E+1).
    value = value.stripTrailingZeros();
    if (value.scale() < 0) {
      value = value.setScale(0);
    }
  }

  @Override
  public String toString() {
    return value.toPlainString() + (unit == null ? "" : " " + unit);
  }
}
