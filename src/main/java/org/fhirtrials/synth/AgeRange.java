package org.fhirtrials.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * The structured age limits of a trial, as the registry writes them ({@code "18 Years"}, {@code "6
 * Months"}).
 *
 * @param min lower limit value
 * @param minUnit {@code Years} or {@code Months}
 * @param max upper limit in years, or null for no upper limit
 */
record AgeRange(int min, String minUnit, Integer max) {
  static final String YEARS = "Years";
  static final String MONTHS = "Months";
  private static final int ADULT_FROM = 18;
  private static final int OLDER_ADULT_FROM = 65;

  static AgeRange draw(ConditionProfile.AgeBand band, boolean healthyVolunteers, Rng rng) {
    if (healthyVolunteers) {
      return new AgeRange(18, YEARS, rng.pick(45, 55, 55, 60, 65));
    }
    return switch (band) {
      case ADULT -> new AgeRange(rng.chance(0.9) ? 18 : rng.pick(20, 21, 40), YEARS, adultMax(rng));
      case OLDER ->
          new AgeRange(rng.pick(18, 18, 18, 40, 45, 50, 55, 60, 65), YEARS, adultMax(rng));
      case ANY_INCLUDING_CHILDREN ->
          rng.chance(0.5)
              ? new AgeRange(18, YEARS, adultMax(rng))
              : rng.chance(0.2)
                  ? new AgeRange(6, MONTHS, rng.pick(17, 17, 65))
                  : new AgeRange(rng.pick(2, 6, 12, 12), YEARS, rng.pick(null, 17, 17, 65));
      case PEDIATRIC -> new AgeRange(rng.pick(2, 4, 5), YEARS, rng.pick(7, 11, 17));
    };
  }

  private static Integer adultMax(Rng rng) {
    return rng.chance(0.65) ? null : rng.pick(65, 70, 75, 75, 80, 85);
  }

  String minimumAge() {
    return min + " " + minUnit;
  }

  String maximumAge() {
    return max == null ? null : max + " " + YEARS;
  }

  double minYears() {
    return minUnit.equals(MONTHS) ? min / 12.0 : min;
  }

  boolean includesChildren() {
    return minYears() < ADULT_FROM;
  }

  boolean adultsOnly() {
    return !includesChildren();
  }

  /** The registry's {@code stdAges}: CHILD 0-17, ADULT 18-64, OLDER_ADULT 65+. */
  List<String> stdAges() {
    List<String> ages = new ArrayList<>(3);
    if (minYears() < ADULT_FROM) {
      ages.add("CHILD");
    }
    if (minYears() < OLDER_ADULT_FROM && (max == null || max >= ADULT_FROM)) {
      ages.add("ADULT");
    }
    if (max == null || max >= OLDER_ADULT_FROM) {
      ages.add("OLDER_ADULT");
    }
    return ages;
  }
}
