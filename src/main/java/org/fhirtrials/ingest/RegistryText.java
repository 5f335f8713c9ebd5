package org.fhirtrials.ingest;

import java.util.regex.Pattern;

/** Text clean-up shared by the readers. */
public final class RegistryText {
  /**
   * ClinicalTrials.gov stores text as markdown and escapes markdown punctuation with a backslash
   * ({@code \<}, {@code \>=}, {@code \[90Y\]}, {@code \*}); the escapes leak into some renderings.
   */
  private static final Pattern MARKDOWN_ESCAPE =
      Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!<>=~|^&])");

  private RegistryText() {}

  /** Removes markdown backslash escapes; null stays null. */
  public static String unescape(String text) {
    if (text == null || text.indexOf('\\') < 0) {
      return text; // most registry strings have no escape: skip the regex
    }
    return MARKDOWN_ESCAPE.matcher(text).replaceAll("$1");
  }

  /** Unescapes and trims; blank becomes null. */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    String t = unescape(text).strip();
    return t.isEmpty() ? null : t;
  }
}
