package org.fhirtrials.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Case and accent folding and word splitting shared by string and full-text search. */
public final class Text {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private Text() {}

  /** Lower case, accents removed, whitespace collapsed: "Hépatite B" becomes "hepatite b". */
  public static String fold(String s) {
    if (s == null) {
      return "";
    }
    if (isPlainAscii(s)) {
      // nothing to normalise, strip or collapse: the same result without NFD and two regexes
      return s.trim().toLowerCase(Locale.ROOT);
    }
    return foldSlowly(s);
  }

  /** Printable ASCII with no two spaces in a row. */
  private static boolean isPlainAscii(String s) {
    char previous = 'x';
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e || (c == ' ' && previous == ' ')) {
        return false;
      }
      previous = c;
    }
    return true;
  }

  /** {@link #fold} for any text (the reference the fast path must equal). */
  static String foldSlowly(String s) {
    String plain = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    return SPACES.matcher(plain.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }

  /** The folded words of a text, in order (letters and digits; everything else separates). */
  public static List<String> words(String s) {
    String folded = fold(s);
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c >= 0x80) {
        return wordsSlowly(folded); // letters and digits beyond ASCII: Unicode classes decide
      }
      boolean word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        out.add(folded.substring(start, i));
        start = -1;
      }
    }
    if (start >= 0) {
      out.add(folded.substring(start));
    }
    return out;
  }

  /** {@link #words} of folded text by the Unicode classes (the reference the fast path equals). */
  static List<String> wordsSlowly(String folded) {
    List<String> out = new ArrayList<>();
    for (String w : NON_WORD.split(folded)) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }
}
