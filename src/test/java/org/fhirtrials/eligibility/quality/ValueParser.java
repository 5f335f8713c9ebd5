package org.fhirtrials.eligibility.quality;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an annotated value span ("≥ 1.5 x 10^9/L", "less than 2.5 times ULN", "0-2", "0 or 1") into
 * bounds, independently of the extractor (its own small grammar), for use as a gold standard.
 *
 * <p>Returns an empty list for what is not a threshold: no number ("normal", "within normal
 * limits"), a bare number without comparator on a measured quantity, and a lone "=" (in Chia's
 * texts "=" is most often a ≥ or ≤ lost in conversion, so its meaning is unknown; see {@link
 * #isAmbiguous}).
 */
final class ValueParser {
  /** "1,500", "2.5", and the decimal comma "1,5". */
  private static final String NUM = "\\d+(?:,\\d{3})*(?:[.,]\\d+)?";

  /** Comparator words and signs, longest first. */
  private static final String CMP =
      "greater\\s+than\\s+or\\s+equal(?:\\s+to)?|more\\s+than\\s+or\\s+equal(?:\\s+to)?"
          + "|less\\s+than\\s+or\\s+equal(?:\\s+to)?|equal\\s+(?:to\\s+)?or\\s+(?:greater|more|higher)\\s+than"
          + "|equal\\s+(?:to\\s+)?or\\s+(?:less|lower)\\s+than|at\\s*(?:/|or)\\s*(?:above|below)|at\\s+least"
          + "|no\\s+(?:more|greater|older)\\s+than|not\\s+(?:more|greater|older)\\s+than|no\\s+less\\s+than"
          + "|not\\s+less\\s+than|up\\s+to|greater\\s+than|more\\s+than|higher\\s+than|less\\s+than"
          + "|lower\\s+than|fewer\\s+than|older\\s+than|younger\\s+than|equal\\s+to|above|over|below"
          + "|under|exceeding|exceeds?|≥|≤|>=|<=|=>|=<|>/=|</=|=/>|=/<|>_|<_|>|<|=";

  /** Leading words that introduce a value without qualifying it ("score 50 or greater"). */
  private static final String LEAD =
      "^(?:(?:between|from|ranging|range|score|aged?|ages?|of|in)\\s+)*";

  private static final Pattern PREFIX =
      Pattern.compile(
          LEAD + "(?<cmp>" + CMP + ")?\\s*(?:the\\s+age\\s+of\\s+)?(?<num>" + NUM + ")",
          Pattern.CASE_INSENSITIVE);

  /** A further bound after the first: "≥ 18 and ≤ 60", "< 20 or > 35 years", "≥ 65, < 90". */
  private static final Pattern NEXT_BOUND =
      Pattern.compile(
          "^[^\\d<>≤≥=]{0,40}?(?:,|\\band\\b|\\bor\\b|\\bto\\b)\\s*(?<cmp>"
              + CMP
              + ")\\s*(?:the\\s+age\\s+of\\s+)?(?<num>"
              + NUM
              + ")",
          Pattern.CASE_INSENSITIVE);

  /**
   * "18 years of age or older", "18years old or older", "18 ans or more": up to 4 words between.
   */
  private static final Pattern SUFFIX_GE =
      Pattern.compile(
          "^\\s*(?:[^\\s\\d<>≤≥=]+\\s*){0,4}?\\b(?:or|and)\\s+(?:more|greater|higher|above|over|older)\\b",
          2);

  private static final Pattern SUFFIX_LE =
      Pattern.compile(
          "^\\s*(?:[^\\s\\d<>≤≥=]+\\s*){0,4}?\\b(?:or|and)\\s+(?:less|lower|below|fewer|under|younger)\\b",
          2);

  private static final Pattern OUTSIDE =
      Pattern.compile(
          "^outside\\s+(?:of\\s+)?(?:the\\s+)?(?:(?:normal\\s+)?range\\s+(?:of\\s+)?)?(?<lo>"
              + NUM
              + ")\\s*(?:-|–|to|and)\\s*(?<hi>"
              + NUM
              + ")",
          Pattern.CASE_INSENSITIVE);

  /** "18-65", "between 18 and 65 years", "1 to < 6 years", "1 day to less than 18 years". */
  private static final Pattern RANGE =
      Pattern.compile(
          LEAD
              + "(?<lo>"
              + NUM
              + ")\\s*(?<unit1>[^\\d\\s\\-–<>≤≥=]*)\\s*(?:-|–|to|and|through)\\s*(?<cmp>"
              + CMP
              + ")?\\s*(?<hi>"
              + NUM
              + ")",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern LIST =
      Pattern.compile(
          "^(\\d)(?:\\s*(?:,|or|and|/)\\s*(?:or\\s+)?(\\d))+\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern DIGIT = Pattern.compile("\\d");

  /** A bound before unit normalisation. */
  record Bound(String comparator, BigDecimal value, String unit) {}

  private ValueParser() {}

  /** True for a value whose only comparator is a bare "=" (meaning unknown). */
  static boolean isAmbiguous(String value) {
    return normalise(value).matches("^=\\s*\\d.*");
  }

  /**
   * The bounds stated by {@code value}; {@code ordinal} allows a bare number or a list of integers
   * ("0 or 1") as a score value.
   */
  static List<Bound> parse(String value, boolean ordinal) {
    String v = normalise(value);
    List<Bound> out = new ArrayList<>();
    if (!DIGIT.matcher(v).find() || isAmbiguous(v)) {
      return out;
    }
    if (ordinal) {
      Matcher list = LIST.matcher(v);
      if (list.matches()) {
        List<Integer> values = new ArrayList<>();
        Matcher d = DIGIT.matcher(v);
        while (d.find()) {
          values.add(Integer.parseInt(d.group()));
        }
        int lo = values.stream().min(Integer::compare).orElseThrow();
        int hi = values.stream().max(Integer::compare).orElseThrow();
        if (hi - lo + 1 == values.size()) {
          out.add(new Bound(">=", BigDecimal.valueOf(lo), ""));
          out.add(new Bound("<=", BigDecimal.valueOf(hi), ""));
        }
        return out;
      }
    }
    Matcher outside = OUTSIDE.matcher(v);
    if (outside.find()) { // "outside the range of 100-160 mmHg": below the low or above the high
      String unit = unit(v.substring(outside.end()));
      out.add(new Bound("<", number(outside.group("lo")), unit));
      out.add(new Bound(">", number(outside.group("hi")), unit));
      return out;
    }
    Matcher range = RANGE.matcher(v);
    if (range.find()) {
      String unit = unit(v.substring(range.end()));
      String unit1 = unit(range.group("unit1"));
      String hiCmp = range.group("cmp") == null ? "<=" : comparator(range.group("cmp"));
      if (hiCmp.startsWith("<")) {
        out.add(new Bound(">=", number(range.group("lo")), unit1.isEmpty() ? unit : unit1));
        out.add(new Bound(hiCmp, number(range.group("hi")), unit));
        return out;
      }
    }
    Matcher m = PREFIX.matcher(v);
    if (!m.find()) {
      return out;
    }
    if (m.group("cmp") != null) {
      List<Bound> bounds = chained(v, m);
      if (bounds.size() > 1) {
        return bounds;
      }
    }
    String rest = v.substring(m.end());
    String unit = unit(rest);
    String cmp = m.group("cmp") == null ? null : comparator(m.group("cmp"));
    if (cmp == null) {
      String afterUnit = rest.replaceFirst("^\\s*[^\\s]*", "");
      if (SUFFIX_GE.matcher(rest).find() || SUFFIX_GE.matcher(afterUnit).find()) {
        cmp = ">=";
      } else if (SUFFIX_LE.matcher(rest).find() || SUFFIX_LE.matcher(afterUnit).find()) {
        cmp = "<=";
      } else if (ordinal && rest.isBlank()) {
        cmp = "=";
      } else {
        return out;
      }
    }
    out.add(new Bound(cmp, number(m.group("num")), unit));
    return out;
  }

  /**
   * "≥ 18 and ≤ 60", "< 20 or > 35 years", "at least 18 years and not more than 45 years": every
   * bound of a value that states several, each with its own unit or the one stated last.
   */
  private static List<Bound> chained(String v, Matcher first) {
    List<String[]> raw = new ArrayList<>(); // comparator, number, text after the number
    raw.add(new String[] {comparator(first.group("cmp")), first.group("num"), ""});
    int pos = first.end();
    while (true) {
      Matcher n = NEXT_BOUND.matcher(v.substring(pos));
      if (!n.find()) {
        break;
      }
      raw.get(raw.size() - 1)[2] = v.substring(pos, pos + n.start("cmp"));
      raw.add(new String[] {comparator(n.group("cmp")), n.group("num"), ""});
      pos += n.end();
    }
    raw.get(raw.size() - 1)[2] = v.substring(pos);
    String lastUnit = unit(raw.get(raw.size() - 1)[2]);
    List<Bound> out = new ArrayList<>();
    for (String[] r : raw) {
      String u = unit(r[2]);
      out.add(new Bound(r[0], number(r[1]), u.isEmpty() ? lastUnit : u));
    }
    return out;
  }

  private static String normalise(String value) {
    return value
        .replace('＞', '>')
        .replace('＜', '<')
        .replace('≧', '≥')
        .replace('≦', '≤')
        .replace('⩾', '≥')
        .replace('⩽', '≤')
        .strip();
  }

  private static String comparator(String raw) {
    String s = raw.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (s.equals("equal to")) {
      return "=";
    }
    if (s.startsWith("at") && !s.startsWith("at least")) { // "at or above", "at/above"
      return s.endsWith("below") ? "<=" : ">=";
    }
    if (s.contains("equal")) {
      return s.contains("less") || s.contains("lower") ? "<=" : ">=";
    }
    return switch (s) {
      case "≥", ">=", "=>", ">/=", "=/>", ">_", "at least", "no less than", "not less than" -> ">=";
      case "≤",
          "<=",
          "=<",
          "</=",
          "<_",
          "no more than",
          "not more than",
          "no greater than",
          "not greater than",
          "no older than",
          "not older than",
          "=/<",
          "up to" ->
          "<=";
      case ">",
          "greater than",
          "more than",
          "higher than",
          "above",
          "over",
          "exceeding",
          "exceed",
          "exceeds",
          "older than" ->
          ">";
      case "<", "less than", "lower than", "fewer than", "below", "under", "younger than" -> "<";
      default -> "=";
    };
  }

  private static final Pattern ULN =
      Pattern.compile(
          "^\\s*(?:[x×*]|times)?\\s*(?:the\\s+)?(?:institutional\\s+)?(?:uln|unl|upper\\s+limits?\\s+of"
              + "|upper\\s+normal|(?:the\\s+)?normal\\s+(?:upper|range))",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern LLN =
      Pattern.compile(
          "^\\s*(?:[x×*]|times)?\\s*(?:the\\s+)?(?:lln|lower\\s+limits?\\s+of)",
          Pattern.CASE_INSENSITIVE);

  /** The UCUM unit at the start of {@code rest} (after the number), "" when none is recognised. */
  static String unit(String rest) {
    String r = rest.strip().toLowerCase(Locale.ROOT);
    if (ULN.matcher(r).find()) {
      return Item.ULN;
    }
    if (LLN.matcher(r).find()) {
      return Item.LLN;
    }
    String compact = r.replaceAll("\\s+", "");
    if (compact.matches("^(?:[x×*])?10(?:\\^|\\*|)(?:9|⁹)/l.*")) {
      return "10*9/L";
    }
    if (compact.matches("^(?:[x×*])?10(?:\\^|\\*|)(?:3|³)/(?:µ|μ|u|mc)l.*")) {
      return "10*3/uL";
    }
    if (compact.matches("^(?:cells)?/(?:mm(?:\\^)?(?:3|³)|cumm|cubicmm|(?:µ|μ|u|mc)l|microl).*")) {
      return "/uL";
    }
    if (compact.matches("^g(?:m|r)?/dl.*")) {
      return "g/dL";
    }
    if (compact.matches("^mg/dl.*")) {
      return "mg/dL";
    }
    if (compact.matches("^g/l.*")) {
      return "g/L";
    }
    if (compact.matches("^(?:µ|μ|u)mol/l.*")) {
      return "umol/L";
    }
    if (compact.matches("^(?:ml|cc)/min/1\\.73.*")) {
      return "mL/min/{1.73_m2}";
    }
    if (compact.matches("^(?:ml|cc)/min.*")) {
      return "mL/min";
    }
    if (compact.startsWith("%") || compact.startsWith("percent")) {
      return "%";
    }
    if (compact.matches("^(?:ms|msec|millisec).*")) {
      return "ms";
    }
    if (compact.matches("^(?:years?|yrs?|y\\b|yo\\b|y/o|y\\.o).*")) {
      return "a";
    }
    if (compact.matches("^(?:months?|mo\\b).*")) {
      return "mo";
    }
    if (compact.matches("^(?:weeks?|wks?\\b).*")) {
      return "wk";
    }
    if (compact.matches("^(?:days?|d\\b).*")) {
      return "d";
    }
    return "";
  }

  private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?");

  /** "1,500" is thousands, "1,5" a decimal comma. */
  private static BigDecimal number(String raw) {
    return new BigDecimal(
        THOUSANDS.matcher(raw).matches() ? raw.replace(",", "") : raw.replace(',', '.'));
  }
}
