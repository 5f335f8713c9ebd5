package org.fhirtrials.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits table rows whose cells were rendered with no separator at all (site A, "MedPath"):
 * "NRT6003 InjectionNRT6003 InjectionPatients will be...", "Adverse events/ Severe adverse eventsUp
 * to 12 months", "ORR30 days after the last TACE treatment.". Where no rule below finds a boundary
 * the row is kept whole rather than cut in a wrong place.
 */
final class RunTogetherRows {
  /**
   * A cell boundary with no space: a lower-case letter or closing bracket glued to a capitalised
   * word ("eventsUp", "(ORR)Up", "SurvivalThe"). Upper case followed by upper case ("mRECIST",
   * "QoL)") is not a boundary.
   */
  private static final Pattern CASE_BOUNDARY =
      Pattern.compile("(?<=[\\p{Ll})\\]])(?=\\p{Lu}\\p{Ll})");

  /** A letter glued to a duration ("ORR30 days", "CR30 days"). */
  private static final Pattern DURATION_BOUNDARY =
      Pattern.compile(
          "(?<=\\p{L})(?=\\d+(?:\\.\\d+)?\\s*(?:days?|weeks?|months?|years?|hours?|minutes?)\\b)",
          Pattern.CASE_INSENSITIVE);

  /** A lower-case time frame glued to a word ("lesionon the day of the surgery"). */
  private static final Pattern LOWER_TIME_BOUNDARY =
      Pattern.compile("(?<=\\p{Ll})(?=(?:up to |on the day |within \\d))");

  /** How a time frame may start, after a cell boundary found from the description. */
  private static final Pattern TIME_FRAME_START =
      Pattern.compile(
          "(?i)^(?:\\d|up to|on |at |within|from|after|before|during|until|through|every|day"
              + "|week|month|year|baseline|time|\\p{Lu}\\p{Ll})");

  private RunTogetherRows() {}

  /** An arm table row: group label, intervention name, description; null parts were not found. */
  record ArmRow(String label, String intervention, String description) {}

  /** An outcome row: measure and time frame (null when the row could not be split). */
  record OutcomeRow(String measure, String timeFrame) {}

  /**
   * Splits arm rows "label|intervention|description". A row is split at the first occurrence (not
   * at the start) of a known intervention name that is followed by a capital letter or digit (the
   * description's start). A row naming an intervention not in the list is split with a label and a
   * description found in another row: it starts with that label and ends with that description, and
   * the middle is the intervention. Other rows are kept whole as a label.
   */
  static List<ArmRow> armRows(List<String> rows, List<String> interventionNames) {
    List<String> names = new ArrayList<>(interventionNames);
    names.sort(Comparator.comparingInt(String::length).reversed());
    List<ArmRow> out = new ArrayList<>();
    for (String row : rows) {
      out.add(byKnownName(row, names));
    }
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).intervention() == null) {
        out.set(i, byOtherRows(rows.get(i), out));
      }
    }
    return out;
  }

  private static ArmRow byKnownName(String row, List<String> names) {
    int bestStart = -1;
    String bestName = null;
    for (String name : names) {
      int from = 1;
      int at;
      while ((at = row.indexOf(name, from)) > 0) {
        int after = at + name.length();
        boolean descriptionStarts =
            after < row.length()
                && (Character.isUpperCase(row.charAt(after))
                    || Character.isDigit(row.charAt(after)));
        if (descriptionStarts && (bestStart < 0 || at < bestStart)) {
          bestStart = at;
          bestName = name;
          break;
        }
        from = at + 1;
      }
    }
    if (bestName == null) {
      return new ArmRow(row, null, null);
    }
    return new ArmRow(
        row.substring(0, bestStart).strip(),
        bestName,
        row.substring(bestStart + bestName.length()).strip());
  }

  private static ArmRow byOtherRows(String row, List<ArmRow> known) {
    for (ArmRow other : known) {
      if (other.intervention() == null || other.description() == null) {
        continue;
      }
      String label = other.label();
      String description = other.description();
      if (row.startsWith(label)
          && row.endsWith(description)
          && row.length() > label.length() + description.length()) {
        String middle = row.substring(label.length(), row.length() - description.length()).strip();
        if (!middle.isEmpty()) {
          return new ArmRow(label, middle, description);
        }
      }
    }
    return new ArmRow(row, null, null);
  }

  /**
   * Splits an outcome row "measure|time frame". Rules, first that applies:
   *
   * <ol>
   *   <li>the row starts with the outcome's description (the page often repeats the measure there)
   *       and what follows, glued on, looks like a time frame ("Success rate ... lesion" + "on the
   *       day of the surgery");
   *   <li>the first glued boundary: lower case or ")" then a capitalised word, or a letter then a
   *       duration ("ORR" + "30 days ...");
   *   <li>a lower-case time frame glued to a word ("up to", "on the day", "within 6");
   *   <li>else the row is the measure and the time frame is unknown.
   * </ol>
   */
  static OutcomeRow outcome(String row, String description) {
    String r = row.strip();
    if (description != null) {
      String d = description.strip();
      if (!d.isEmpty() && r.startsWith(d) && r.length() > d.length()) {
        String rest = r.substring(d.length());
        if (!Character.isWhitespace(rest.charAt(0)) && TIME_FRAME_START.matcher(rest).find()) {
          return new OutcomeRow(d, rest.strip());
        }
      }
    }
    int boundary = earliest(r, CASE_BOUNDARY, DURATION_BOUNDARY);
    if (boundary < 0) {
      boundary = earliest(r, LOWER_TIME_BOUNDARY);
    }
    if (boundary > 0 && boundary < r.length()) {
      return new OutcomeRow(r.substring(0, boundary).strip(), r.substring(boundary).strip());
    }
    return new OutcomeRow(r, null);
  }

  private static int earliest(String text, Pattern... patterns) {
    int best = -1;
    for (Pattern p : patterns) {
      Matcher m = p.matcher(text);
      if (m.find() && m.start() > 0 && (best < 0 || m.start() < best)) {
        best = m.start();
      }
    }
    return best;
  }
}
