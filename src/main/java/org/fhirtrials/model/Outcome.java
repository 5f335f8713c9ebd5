package org.fhirtrials.model;

/**
 * An outcome measure.
 *
 * @param kind primary, secondary or other
 * @param measure what is measured
 * @param description how
 * @param timeFrame when, as free text
 */
public record Outcome(Kind kind, String measure, String description, String timeFrame) {
  /** Outcome category. */
  public enum Kind {
    PRIMARY,
    SECONDARY,
    OTHER
  }
}
