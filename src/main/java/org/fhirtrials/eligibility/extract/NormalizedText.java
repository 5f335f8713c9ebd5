package org.fhirtrials.eligibility.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A criterion text prepared for matching, with a map back to offsets in the original text so that
 * spans always point into the verbatim source.
 *
 * <p>Repairs: markdown escapes leaking from ClinicalTrials.gov ({@code \<}, {@code \>}, {@code
 * \[}); a space inside a decimal number before a multiplier or unit ("≤ 5. 0×ULN" → "≤ 5.0×ULN");
 * two-character comparators spelled with symbols ({@code >=}, {@code =>}) are kept as is and read
 * by the threshold grammar.
 */
final class NormalizedText {
  private static final Pattern MARKDOWN_ESCAPE = Pattern.compile("\\\\([<>\\[\\]=*_()#+\\-.!~|^])");
  // "5. 0×ULN", "5. 0 × ULN": a decimal broken by a space, only when a multiplier/ULN follows
  private static final Pattern BROKEN_DECIMAL =
      Pattern.compile("(\\d)\\. (\\d)(?=\\s*(?:[×xX*]|times|ULN))");

  final String text;
  private final int[] toSource;

  private NormalizedText(String text, int[] toSource) {
    this.text = text;
    this.toSource = toSource;
  }

  static NormalizedText of(String source) {
    String current = source;
    int[] map = identity(source.length());
    for (Pattern p : new Pattern[] {MARKDOWN_ESCAPE, BROKEN_DECIMAL}) {
      Matcher m = p.matcher(current);
      if (!m.find()) {
        continue;
      }
      StringBuilder out = new StringBuilder(current.length());
      int[] next = new int[current.length() + 1];
      int n = 0;
      int last = 0;
      do {
        for (int i = last; i < m.start(); i++) {
          next[n++] = map[i];
          out.append(current.charAt(i));
        }
        if (p == MARKDOWN_ESCAPE) {
          next[n++] = map[m.start(1)];
          out.append(m.group(1));
        } else {
          next[n++] = map[m.start(1)];
          out.append(m.group(1)).append('.');
          next[n++] = map[m.start(1) + 1];
          next[n++] = map[m.start(2)];
          out.append(m.group(2));
        }
        last = m.end();
      } while (m.find());
      for (int i = last; i < current.length(); i++) {
        next[n++] = map[i];
        out.append(current.charAt(i));
      }
      next[n] = map[current.length()];
      int[] trimmed = new int[n + 1];
      System.arraycopy(next, 0, trimmed, 0, n + 1);
      current = out.toString();
      map = trimmed;
    }
    return new NormalizedText(current, map);
  }

  private static int[] identity(int length) {
    int[] map = new int[length + 1];
    for (int i = 0; i <= length; i++) {
      map[i] = i;
    }
    return map;
  }

  /** The offset in the source text of normalised offset {@code i}. */
  int source(int i) {
    return toSource[Math.max(0, Math.min(i, toSource.length - 1))];
  }
}
