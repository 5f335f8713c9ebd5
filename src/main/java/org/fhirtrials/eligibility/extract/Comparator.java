package org.fhirtrials.eligibility.extract;

/** A threshold comparator; {@link #fhirCode()} is the FHIR quantity-comparator code. */
public enum Comparator {
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">="),
  EQ("=");

  private final String symbol;

  Comparator(String symbol) {
    this.symbol = symbol;
  }

  /** The FHIRPath / FHIR symbol: {@code <}, {@code <=}, {@code >}, {@code >=}, {@code =}. */
  public String fhirCode() {
    return symbol;
  }

  /** True for the lower-bound comparators {@code >} and {@code >=}. */
  public boolean isLowerBound() {
    return this == GT || this == GE;
  }
}
