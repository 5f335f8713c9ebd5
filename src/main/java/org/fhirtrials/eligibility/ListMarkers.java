package org.fhirtrials.eligibility;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fhirtrials.eligibility.ListMarker.Style;

/**
 * Finds candidate list markers in one section of criteria text: at the start of a line (after
 * indentation) and inside a line (run-on lists such as "... enrollment. 1. Leukocytes ... 2. ...",
 * "(1) ... (2) ...", "① ... ②", "... myocarditis. vi. Subjects ...").
 */
final class ListMarkers {
  private static final String CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

  /**
   * The circled numerals as a regex range (U+2460..U+2473, contiguous): a class listing twenty
   * characters is tested one character at a time at every position, a range in one comparison.
   */
  private static final String CIRCLED_CLASS =
      "[" + CIRCLED.charAt(0) + "-" + CIRCLED.charAt(CIRCLED.length() - 1) + "]";

  /**
   * A marker at the start of a line (matched with {@code lookingAt} after the indentation). Groups:
   * 1 "1.", 2 "1)", 3 "(1)", 4 roman "iv." / "iv)", 5 "(iv)", 6 letter "a." / "a)", 7 "(a)", 8
   * bullet, 9 circled numeral.
   */
  private static final Pattern LINE_START =
      Pattern.compile(
          "(?:(\\d{1,3})\\.|(\\d{1,3})\\)|\\((\\d{1,2})\\)|([ivxIVX]{1,6})[.)]|\\(([ivx]{1,6})\\)"
              + "|([a-zA-Z])[.)]|\\(([a-z])\\)|([\u2022*\\-\u00b7\u25aa\u25e6\u25cf\u25cb+]))"
              + "(?=[ \\t]+\\S)[ \\t]*"
              + "|("
              + CIRCLED_CLASS
              + ")[ \\t]*");

  /*
   * The inline patterns start with a look-ahead for their first character ("(?=\\d)", "(?=\\()"...):
   * it does not change what they match, it only lets the search skip most positions without trying
   * the look-behind that follows (the look-behinds made the splitter the slowest part of ingest).
   */

  /** "1." inside a line, followed by a word (not "5. 0×ULN"). */
  private static final Pattern INLINE_NUMBER_DOT =
      Pattern.compile("(?=\\d)(?<=\\s)(\\d{1,2})\\.[ \\t]+(?=[^\\d\\s])");

  /** "(1)" inside a line, after white space or punctuation. */
  private static final Pattern INLINE_PAREN_NUMBER =
      Pattern.compile("(?=\\()(?<=[\\s:;,.])\\((\\d{1,2})\\)[ \\t]*");

  /** "①" anywhere. */
  private static final Pattern INLINE_CIRCLED = Pattern.compile(CIRCLED_CLASS + "[ \\t]*");

  /** "vi." after a sentence end and before a capitalised word; "(iv)" after white space. */
  private static final Pattern INLINE_ROMAN =
      Pattern.compile(
          "(?=[ivx(])(?:(?<=[.;:][ \\t]{1,3})([ivx]{1,5})\\.[ \\t]+(?=\\p{Lu})"
              + "|(?<=\\s)\\(([ivx]{1,5})\\)[ \\t]*)");

  /** "(a)" after white space. */
  private static final Pattern INLINE_LETTER =
      Pattern.compile("(?=\\()(?<=\\s)\\(([a-h])\\)[ \\t]*");

  /** Characters that make a following number a value, not a list number ("≤ 5. 0×ULN"). */
  private static final String COMPARATORS = "<>≤≥=~±×";

  private ListMarkers() {}

  /**
   * The candidates in [from, to), sorted by position. Run-on "1." markers are only looked for when
   * the section does not already put its items on separate lines.
   */
  static List<ListMarker> find(String text, int from, int to) {
    TreeMap<Integer, ListMarker> byStart = new TreeMap<>();
    lineStart(text, from, to, byStart);
    boolean lineStructured = byStart.size() >= 2;
    if (!lineStructured) {
      inline(INLINE_NUMBER_DOT, text, from, to, byStart, Style.NUMBER_DOT);
    }
    inline(INLINE_PAREN_NUMBER, text, from, to, byStart, Style.PAREN_NUMBER);
    inline(INLINE_CIRCLED, text, from, to, byStart, Style.CIRCLED);
    inline(INLINE_ROMAN, text, from, to, byStart, Style.ROMAN);
    inline(INLINE_LETTER, text, from, to, byStart, Style.LETTER);
    List<ListMarker> all = new ArrayList<>(byStart.values());
    all.sort(Comparator.comparingInt(ListMarker::start));
    return all;
  }

  /** Markers at the start of the section's content or of one of its lines. */
  private static void lineStart(String text, int from, int to, TreeMap<Integer, ListMarker> out) {
    Matcher m = LINE_START.matcher(text);
    int lineStart = from;
    while (lineStart < to) {
      int p = lineStart;
      while (p < to && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
        p++;
      }
      m.region(p, to);
      if (m.lookingAt()) {
        ListMarker marker = lineMarker(m, p - lineStart);
        if (marker != null) {
          out.put(marker.start(), marker);
        }
      }
      int nl = text.indexOf('\n', p);
      if (nl < 0 || nl >= to) {
        break;
      }
      lineStart = nl + 1;
    }
  }

  /** Builds a marker from a LINE_START match. */
  private static ListMarker lineMarker(Matcher m, int indent) {
    int start = m.start();
    int end = m.end();
    if (m.group(1) != null) {
      return new ListMarker(start, end, Style.NUMBER_DOT, parse(m.group(1)), 0, null, indent);
    }
    if (m.group(2) != null) {
      return new ListMarker(start, end, Style.NUMBER_PAREN, parse(m.group(2)), 0, null, indent);
    }
    if (m.group(3) != null) {
      return new ListMarker(start, end, Style.PAREN_NUMBER, parse(m.group(3)), 0, null, indent);
    }
    if (m.group(4) != null) {
      return roman(m.group(4), start, end, indent);
    }
    if (m.group(5) != null) {
      return roman(m.group(5), start, end, indent);
    }
    if (m.group(6) != null) {
      return letter(m.group(6), start, end, indent);
    }
    if (m.group(7) != null) {
      return letter(m.group(7), start, end, indent);
    }
    if (m.group(8) != null) {
      return new ListMarker(start, end, Style.BULLET, 0, 0, m.group(8), indent);
    }
    return new ListMarker(
        start, end, Style.CIRCLED, CIRCLED.indexOf(m.group(9)) + 1, 0, null, indent);
  }

  private static void inline(
      Pattern pattern,
      String text,
      int from,
      int to,
      TreeMap<Integer, ListMarker> out,
      Style style) {
    Matcher m = pattern.matcher(text).region(from, to);
    m.useTransparentBounds(true).useAnchoringBounds(false);
    while (m.find()) {
      if (out.containsKey(m.start()) || insideLineMarker(out, m.start())) {
        continue;
      }
      ListMarker marker =
          switch (style) {
            case NUMBER_DOT ->
                afterComparator(text, m.start())
                    ? null
                    : new ListMarker(m.start(), m.end(), style, parse(m.group(1)), 0, null, -1);
            case PAREN_NUMBER ->
                new ListMarker(m.start(), m.end(), style, parse(m.group(1)), 0, null, -1);
            case CIRCLED ->
                new ListMarker(
                    m.start(),
                    m.end(),
                    style,
                    CIRCLED.indexOf(text.charAt(m.start())) + 1,
                    0,
                    null,
                    -1);
            case ROMAN ->
                roman(m.group(1) != null ? m.group(1) : m.group(2), m.start(), m.end(), -1);
            case LETTER -> letter(m.group(1), m.start(), m.end(), -1);
            default -> null;
          };
      if (marker != null) {
        out.put(marker.start(), marker);
      }
    }
  }

  private static boolean insideLineMarker(TreeMap<Integer, ListMarker> out, int pos) {
    var floor = out.floorEntry(pos);
    return floor != null && floor.getValue().end() > pos;
  }

  private static boolean afterComparator(String text, int pos) {
    int i = pos - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    return i >= 0 && COMPARATORS.indexOf(text.charAt(i)) >= 0;
  }

  private static ListMarker roman(String numeral, int start, int end, int indent) {
    String lower = numeral.toLowerCase(Locale.ROOT);
    int value = romanValue(lower);
    if (value <= 0) {
      return null;
    }
    int letterValue = lower.length() == 1 ? lower.charAt(0) - 'a' + 1 : 0;
    return new ListMarker(start, end, Style.ROMAN, value, letterValue, null, indent);
  }

  private static ListMarker letter(String letter, int start, int end, int indent) {
    int value = Character.toLowerCase(letter.charAt(0)) - 'a' + 1;
    return new ListMarker(start, end, Style.LETTER, value, 0, null, indent);
  }

  private static int parse(String digits) {
    return Integer.parseInt(digits);
  }

  /** Value of a well-formed roman numeral up to 39, else 0. */
  static int romanValue(String s) {
    int total = 0;
    int prev = 0;
    for (int i = s.length() - 1; i >= 0; i--) {
      int v =
          switch (s.charAt(i)) {
            case 'i' -> 1;
            case 'v' -> 5;
            case 'x' -> 10;
            default -> -1000;
          };
      total += v < prev ? -v : v;
      prev = Math.max(prev, v);
    }
    return total > 0 && total < 40 ? total : 0;
  }
}
