package org.fhirtrials.eligibility;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fhirtrials.model.Age;

/**
 * Reads an age range stated in a criterion, for records that have no structured age fields: "Aged
 * 18 to 80", "Age range: 18 to 80 years inclusive", "Age ≥18 years old to 70 years old", "Patients
 * aged ≥ 18 and ≤ 75", "aged between 18 and 75 years", "Adults aged 18 and over", "Age ≥ 18 years",
 * "aged ≤ 75 years". Bounds are read as inclusive, as registries state them. A strict bound ("older
 * than 18", "> 18") is not turned into a limit, and neither is any number outside 0–120 or a
 * minimum above the maximum: when unsure, no limit.
 */
public final class AgeRangeExtractor {
  /** "age" / "aged" / "ages", then at most a few words that are not numbers or clause ends. */
  private static final String AGE = "\\bage[ds]?\\b[^\\d.;≥≤<>]{0,25}?";

  private static final String YEARS = "(?:\\s*(?:years?|yrs?)(?:\\s+old)?)?";

  private static final Pattern RANGE =
      Pattern.compile(
          "(?i)"
              + AGE
              + "(?:between\\s+|from\\s+)?(?:≥|>=)?\\s*(\\d{1,3})"
              + YEARS
              + "\\s*(?:to|and|-|–)\\s*(?:≤|<=)?\\s*(\\d{1,3})"
              + YEARS);

  private static final Pattern MINIMUM =
      Pattern.compile(
          "(?i)"
              + AGE
              + "(?:(?:≥|>=|at least)\\s*(\\d{1,3})"
              + YEARS
              + "|(\\d{1,3})"
              + YEARS
              + "\\s*(?:and|or)\\s+(?:over|older|above))");

  private static final Pattern MAXIMUM =
      Pattern.compile("(?i)" + AGE + "(?:≤|<=|up to|at most)\\s*(\\d{1,3})" + YEARS);

  private static final int MAX_HUMAN_AGE = 120;

  private AgeRangeExtractor() {}

  /**
   * An age range.
   *
   * @param minimum minimum age, or null
   * @param maximum maximum age, or null
   */
  public record AgeRange(Age minimum, Age maximum) {
    public static final AgeRange NONE = new AgeRange(null, null);

    public boolean isEmpty() {
      return minimum == null && maximum == null;
    }
  }

  /** The range stated in the text; {@link AgeRange#NONE} when none is stated clearly. */
  public static AgeRange extract(String text) {
    if (text == null) {
      return AgeRange.NONE;
    }
    Matcher range = RANGE.matcher(text);
    if (range.find()) {
      int min = Integer.parseInt(range.group(1));
      int max = Integer.parseInt(range.group(2));
      return plausible(min) && plausible(max) && min < max
          ? new AgeRange(Age.years(min), Age.years(max))
          : AgeRange.NONE;
    }
    Age min = null;
    Matcher minimum = MINIMUM.matcher(text);
    if (minimum.find()) {
      int value = Integer.parseInt(minimum.group(1) != null ? minimum.group(1) : minimum.group(2));
      min = plausible(value) ? Age.years(value) : null;
    }
    Age max = null;
    Matcher maximum = MAXIMUM.matcher(text);
    if (maximum.find()) {
      int value = Integer.parseInt(maximum.group(1));
      max = plausible(value) ? Age.years(value) : null;
    }
    return new AgeRange(min, max);
  }

  private static boolean plausible(int years) {
    return years > 0 && years <= MAX_HUMAN_AGE;
  }
}
