package org.fhirtrials.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the "Inclusion Criteria" / "Exclusion Criteria" sections of a criteria text. A header is
 * recognised (case-insensitive) when it stands on its own line, with or without a colon and
 * markdown emphasis ({@code **Inclusion Criteria:**}), or starts a line and ends with a colon
 * ({@code Inclusion Criteria for Part A: ...}), or, inside a run-on line, is capitalised and ends
 * with a colon after a sentence end ({@code ... breastfeeding. Exclusion Criteria: 1. ...}). Text
 * before the first header, and text with no header at all, counts as inclusion.
 */
final class CriteriaSections {
  private static final String NAME =
      "(?:(?:key|main|general)\\s+)?(inclusion|exclusion)\\s+criteria";

  /** A whole line that is a header, optional colon. */
  private static final Pattern LINE_HEADER =
      Pattern.compile("(?im)^[ \\t#>*_]*" + NAME + "[ \\t*_]*:?[ \\t*_]*$");

  /** A header that starts a line and ends with a colon; the criteria may follow on that line. */
  private static final Pattern LEADING_HEADER =
      Pattern.compile("(?im)^[ \\t#>*_]*" + NAME + "\\b[^:\\n]{0,60}:[ \\t*_]*");

  /**
   * A header in the middle of a run-on line, after a sentence end. Case-sensitive initial. The
   * leading look-ahead only speeds the search up (the look-behind is tried at K, I or E only).
   */
  private static final Pattern INLINE_HEADER =
      Pattern.compile(
          "(?=[KIE])(?<=[.;!?)]\\s{1,3})(?:Key\\s+)?(Inclusion|Exclusion)\\s+[Cc]riteria:");

  private CriteriaSections() {}

  /** A section: its kind and the character range of its content (after the header). */
  record Section(boolean exclusion, int start, int end) {}

  static List<Section> find(String text) {
    List<int[]> headers = new ArrayList<>(); // {start, end, exclusion?1:0}
    collect(LINE_HEADER, text, headers);
    collect(LEADING_HEADER, text, headers);
    collect(INLINE_HEADER, text, headers);
    headers.sort((a, b) -> Integer.compare(a[0], b[0]));

    List<Section> sections = new ArrayList<>();
    int cursor = 0;
    boolean exclusion = false;
    int lastEnd = -1;
    for (int[] h : headers) {
      if (h[0] < lastEnd) {
        continue; // the same header matched by two patterns
      }
      addIfNotBlank(sections, text, exclusion, cursor, h[0]);
      exclusion = h[2] == 1;
      cursor = h[1];
      lastEnd = h[1];
    }
    addIfNotBlank(sections, text, exclusion, cursor, text.length());
    return sections;
  }

  private static void collect(Pattern pattern, String text, List<int[]> out) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      boolean exclusion = m.group(1).toLowerCase(Locale.ROOT).equals("exclusion");
      out.add(new int[] {m.start(), m.end(), exclusion ? 1 : 0});
    }
  }

  private static void addIfNotBlank(
      List<Section> out, String text, boolean exclusion, int start, int end) {
    if (end > start && !text.substring(start, end).isBlank()) {
      out.add(new Section(exclusion, start, end));
    }
  }
}
