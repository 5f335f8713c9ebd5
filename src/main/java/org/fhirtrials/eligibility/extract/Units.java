package org.fhirtrials.eligibility.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Unit spellings found in criteria → canonical UCUM codes. Lossy choices are commented.
 *
 * <p>Each pattern is tried at the position right after a number (optionally after white space).
 */
final class Units {
  /** A recognised unit: UCUM code, or {@link #ULN}/{@link #LLN} for reference-range multiples. */
  record Match(String ucum, int end) {}

  static final String ULN = "ULN";
  static final String LLN = "LLN";

  private record Spelling(Pattern pattern, String ucum) {}

  private static final String MICRO = "(?:µ|μ|u|mc|micro)";
  private static final String TIMES = "(?:[×xX*]\\s*)";

  /** "/L", "per liter", "per litre"; "/dL", "per deciliter". */
  private static final String PER = "(?:\\s*/\\s*|\\s+per\\s+)";

  private static final String LITRE = "l(?:it(?:er|re))?\\b";
  private static final String DECILITRE = "d(?:l|ecilit(?:er|re))\\b";

  private static final List<Spelling> SPELLINGS =
      List.of(
          // ×10^9/L, × 10^9/L, x10*9/L, ×10⁹/L, and "×109/L" whose superscript was lost in
          // rendering (NCT05233358: "3.0×109/L" means 3.0 × 10^9/L)
          sp(TIMES + "?10\\s*(?:\\^|\\*\\*?|)\\s*(?:9|⁹)\\s*/\\s*L\\b", "10*9/L"),
          sp(TIMES + "?10\\s*(?:\\^|\\*\\*?|)\\s*(?:3|³)\\s*/\\s*" + MICRO + "L\\b", "10*3/uL"),
          sp(TIMES + "?10\\s*(?:\\^|\\*\\*?|)\\s*(?:12|¹²)\\s*/\\s*L\\b", "10*12/L"),
          // per microlitre and per cubic millimetre are the same volume (1 mm³ = 1 µL)
          sp("(?:cells\\s*)?/\\s*" + MICRO + "L\\b", "/uL"),
          sp(
              "(?:cells\\s*)?(?:/|per)\\s*(?:mm\\s*(?:\\^\\s*3|3|³)|cu\\.?\\s*mm|cubic\\s+mm)",
              "/uL"),
          // "gm/dl": an old abbreviation of gram
          sp("gm?" + PER + DECILITRE, "g/dL"),
          sp("mg" + PER + DECILITRE, "mg/dL"),
          sp("mg" + PER + LITRE, "mg/L"),
          sp("g" + PER + LITRE, "g/L"),
          sp(MICRO + "mol" + PER + LITRE, "umol/L"),
          // WHO international units for viral load: UCUM arbitrary unit [IU]
          sp("IU\\s*/\\s*ml\\b", "[IU]/mL"),
          // the "IU" of an enzyme activity is the enzyme unit U (1 µmol/min); labs report U/L
          sp("(?:IU|U)" + PER + LITRE, "U/L"),
          sp(
              "ml\\s*/\\s*min(?:ute)?\\s*/\\s*1\\.73\\s*(?:m2|m²|m\\^2|sq\\.?\\s*m)",
              "mL/min/{1.73_m2}"),
          // a cc is a millilitre ("60 cc/min")
          sp("(?:ml|cc)" + PER + "min(?:ute)?\\b", "mL/min"),
          // "450 milliseconds (msec)": the repeated abbreviation belongs to the unit
          sp("(?:ms|msec|milliseconds?)\\b(?:\\s*\\((?:ms|msec)\\))?", "ms"),
          sp("(?:%|percent\\b|per\\s*cent\\b)", "%"),
          sp("mm\\s*Hg\\b", "mm[Hg]"),
          sp("(?:seconds?|secs?)\\b", "s"),
          sp("cm\\b", "cm"),
          sp("mm\\b", "mm"),
          sp("(?:years?|yrs?)(?:[\\s-]+old|\\s+of\\s+age)?\\b", "a"),
          sp("months?\\b", "mo"),
          sp("weeks?\\b", "wk"),
          sp("days?\\b", "d"),
          sp("points?\\b", "{score}"),
          sp(
              TIMES
                  + "?(?:times\\s+)?(?:the\\s+)?(?:institutional\\s+)?(?:ULN|upper\\s+limits?\\s+of\\s+(?:the\\s+)?normal"
                  + "(?:\\s+range)?|upper\\s+normal\\s+limit|institutional\\s+upper\\s+limit"
                  + "(?:\\s+of\\s+normal)?)(?:\\s*\\(ULN\\))?",
              ULN),
          sp(
              TIMES
                  + "?(?:times\\s+)?(?:the\\s+)?(?:LLN|lower\\s+limits?\\s+of\\s+(?:the\\s+)?normal)"
                  + "(?:\\s*\\(LLN\\))?",
              LLN));

  private Units() {}

  private static Spelling sp(String regex, String ucum) {
    return new Spelling(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), ucum);
  }

  /** The unit starting at {@code from} (after optional blanks), or null. */
  static Match at(CharSequence text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) == ' ') {
      i++;
    }
    for (Spelling s : SPELLINGS) {
      Matcher m = s.pattern.matcher(text);
      m.region(i, text.length());
      if (m.lookingAt()) {
        return new Match(s.ucum, m.end());
      }
    }
    return null;
  }
}
