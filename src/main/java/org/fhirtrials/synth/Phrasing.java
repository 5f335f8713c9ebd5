package org.fhirtrials.synth;

/**
 * How one trial's criteria write comparisons, chosen once per trial as registrants do: Unicode
 * ({@code ≥ 1.5}), ASCII ({@code >= 1.5}) or the registry's markdown-escaped ASCII ({@code \>=
 * 1.5}), with or without a space after the sign, and {@code ×} or {@code x} for multiples.
 *
 * <p>Templates use the tokens {@code {>=} {<=} {>} {<} {x}}.
 */
record Phrasing(Style style, boolean spaced, String times) {
  enum Style {
    UNICODE,
    ASCII,
    ESCAPED
  }

  private static final Weighted<Style> STYLES =
      Weighted.<Style>builder()
          .add(55, Style.UNICODE)
          .add(30, Style.ASCII)
          .add(15, Style.ESCAPED)
          .build();

  static Phrasing draw(Rng rng) {
    Style style = STYLES.draw(rng);
    boolean spaced = rng.chance(0.8);
    String times = style == Style.UNICODE && rng.chance(0.7) ? "×" : rng.pick("x", "x", "X");
    return new Phrasing(style, spaced, times);
  }

  /** Replaces the comparator and multiplication tokens of {@code template}. */
  String render(String template) {
    if (template.indexOf('{') < 0) {
      return template;
    }
    StringBuilder out = new StringBuilder(template.length() + 8);
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      int close = c == '{' ? template.indexOf('}', i) : -1;
      String symbol = close > 0 ? symbol(template.substring(i + 1, close)) : null;
      if (symbol == null) {
        out.append(c);
        i++;
        continue;
      }
      out.append(symbol);
      i = close + 1;
      boolean comparator = !symbol.equals(times);
      if (comparator && !spaced && i < template.length() && template.charAt(i) == ' ') {
        i++; // "≥1.5" rather than "≥ 1.5"
      }
    }
    return out.toString();
  }

  private String symbol(String token) {
    return switch (token) {
      case ">=" -> pick("≥", ">=", "\\>=");
      case "<=" -> pick("≤", "<=", "\\<=");
      case ">" -> pick(">", ">", "\\>");
      case "<" -> pick("<", "<", "\\<");
      case "x" -> times;
      default -> null;
    };
  }

  private String pick(String unicode, String ascii, String escaped) {
    return switch (style) {
      case UNICODE -> unicode;
      case ASCII -> ascii;
      case ESCAPED -> escaped;
    };
  }
}
