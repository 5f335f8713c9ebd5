package org.fhirtrials.cds;

/** Card summaries: CDS Hooks requires fewer than 140 characters. */
final class Summaries {
  /** The spec's bound: a summary SHALL be less than 140 characters. */
  static final int MAX_SUMMARY_CHARS = 139;

  private static final String ELLIPSIS = "…";

  private Summaries() {}

  /**
   * {@code text} cut to at most {@code max} characters (UTF-16 units, never splitting a surrogate
   * pair), at a word boundary where one is near, with an ellipsis when cut.
   */
  static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - ELLIPSIS.length();
    if (Character.isLowSurrogate(text.charAt(end))) {
      end--;
    }
    int space = text.lastIndexOf(' ', end);
    if (space > end * 2 / 3) {
      end = space;
    }
    return text.substring(0, end).stripTrailing() + ELLIPSIS;
  }

  /** e.g. "Possibly eligible: NCT06310590 Study of X in advanced HCC". */
  static String summary(String verdictLabel, String nctId, String title) {
    String t = title == null || title.isBlank() ? "" : " " + title.replaceAll("\\s+", " ").strip();
    return truncate(verdictLabel + ": " + nctId + t, MAX_SUMMARY_CHARS);
  }
}
