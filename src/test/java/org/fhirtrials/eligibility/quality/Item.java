package org.fhirtrials.eligibility.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One scored fact: a bound on a concept ("platelets >= 100 10*9/L", "bilirubin <= 1.5 xULN") or an
 * ordinal value ("child-pugh in A"). Values are compared after unit normalisation ({@link
 * #canonical}): cell counts to 10*9/L, g/dL to g/L; other units as written.
 *
 * @param comparator {@code < <= > >= =} or {@code in} for an ordinal value
 * @param unit canonical UCUM unit, {@code xULN} / {@code xLLN} for a reference-range multiple,
 *     empty when none is stated (then it matches any unit)
 */
record Item(QualityKey key, String comparator, String value, String unit) {
  static final String ULN = "xULN";
  static final String LLN = "xLLN";

  /** The item with the value in the canonical unit of its concept. */
  static Item canonical(QualityKey key, String comparator, BigDecimal value, String unit) {
    String u = unit == null ? "" : unit;
    BigDecimal v = value;
    switch (u) {
      case "/uL", "/mm3" -> {
        v = v.divide(BigDecimal.valueOf(1000), 6, RoundingMode.HALF_UP);
        u = "10*9/L";
      }
      case "10*3/uL" -> u = "10*9/L";
      case "g/dL" -> {
        v = v.multiply(BigDecimal.TEN);
        u = "g/L";
      }
      default -> {}
    }
    return new Item(key, comparator, plain(v), u);
  }

  static Item ordinal(QualityKey key, String value) {
    return new Item(key, "in", value, "");
  }

  private static String plain(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }

  /** Same concept, comparator and value; units equal, or absent on either side. */
  boolean matches(Item other) {
    return key == other.key
        && comparator.equals(other.comparator)
        && value.equals(other.value)
        && (unit.isEmpty() || other.unit.isEmpty() || unit.equals(other.unit));
  }

  @Override
  public String toString() {
    return key + " " + comparator + " " + value + (unit.isEmpty() ? "" : " " + unit);
  }
}
