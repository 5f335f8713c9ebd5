package org.fhirtrials.eligibility;

import java.util.regex.Pattern;

/**
 * Spots thresholds whose comparator was lost in rendering: some sites turn every "≥" and "≤" into
 * "=" ("Leukocytes = 2,500/µL and = 12,000/µL", "Total bilirubin = 3.0 mg/dL", "(i.e., = 5X upper
 * normal limit)"). Eligibility criteria compare lab values and scores with thresholds, so a bare
 * "=" before a number is taken as a lost "≥"/"≤", except in a sample size ("n = 30"). Text with no
 * "=" (e.g. "(28 days as a cycle)") is never flagged.
 */
public final class ComparatorLoss {
  /**
   * "=" (not part of "<=", ">=", "==", "!=", "=>") then a number. The leading {@code (?==)} only
   * makes the search fast: the look-behind is tried at an "=" instead of at every position.
   */
  private static final Pattern BARE_EQUALS_NUMBER =
      Pattern.compile("(?==)(?<![<>≤≥=!\\\\]|\\b[nN]\\s?)=(?![=>])\\s*[+-]?\\d");

  private ComparatorLoss() {}

  /** True when the text compares a number with a bare "=". */
  public static boolean detect(String text) {
    return text != null && text.indexOf('=') >= 0 && BARE_EQUALS_NUMBER.matcher(text).find();
  }
}
