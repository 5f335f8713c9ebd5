package org.fhirtrials.eligibility.extract;

import java.util.Objects;

/**
 * When the constrained fact must (or must not) have happened: {@code within amount unit} before the
 * reference event, or at any time in the past ({@code amount == 0}, {@link #anyTime()}).
 *
 * @param amount the number of units; 0 for "ever / in the past"
 * @param unit a FHIRPath calendar-duration keyword: {@code days}, {@code weeks}, {@code months},
 *     {@code years}; null when {@code amount == 0}
 * @param text the source words, e.g. "within 28 days before enrollment"
 */
public record TimeWindow(int amount, String unit, String text) {
  /**
   * The look-back used for an observation-based constraint whose criterion states no window: the
   * most recent value of the last 90 days (baked into the published FHIRPath).
   */
  public static final TimeWindow DEFAULT_LOOKBACK =
      new TimeWindow(90, "days", "default look-back of 90 days");

  public TimeWindow {
    Objects.requireNonNull(text, "text");
  }

  /** True for "in the past / previously / history of", without a bound. */
  public boolean anyTime() {
    return amount == 0;
  }
}
