package org.fhirtrials.patient;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number with its unit (a UCUM code, or the unit as recorded when the source gave no UCUM code).
 */
public record Measure(BigDecimal value, String unit) {
  public Measure {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value.toPlainString() + (unit == null ? "" : " " + unit);
  }
}
