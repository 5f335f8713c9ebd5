package org.fhirtrials.eligibility.evaluate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.fhirtrials.patient.Timepoint;

/**
 * Date comparison with FHIRPath's precision rules, so that the fast path decides exactly when the
 * published FHIRPath decides: values are compared component by component (year, month, day) down to
 * the coarser precision; when they are equal that far and the precisions differ (a bare year, or a
 * dateTime on the same day as a date), the result is empty (unknown). The date part of a dateTime
 * is read as written (its own offset).
 */
final class FhirDates {
  static final Integer UNDECIDED = null;

  private FhirDates() {}

  /** -1, 0 or 1 comparing {@code t} with {@code d}, or null when FHIRPath says empty. */
  static Integer compare(Timepoint t, LocalDate d) {
    String s = t.original();
    int c = Integer.compare(digits(s, 0, 4), d.getYear());
    if (c != 0) {
      return c;
    }
    if (s.length() < 7) {
      return UNDECIDED;
    }
    c = Integer.compare(digits(s, 5, 7), d.getMonthValue());
    if (c != 0) {
      return c;
    }
    if (s.length() < 10) {
      return UNDECIDED;
    }
    c = Integer.compare(digits(s, 8, 10), d.getDayOfMonth());
    if (c != 0) {
      return c;
    }
    return s.length() == 10 ? Integer.valueOf(0) : UNDECIDED;
  }

  /** True when {@code t >= d} is true in FHIRPath (false when false or empty). */
  static boolean notBefore(Timepoint t, LocalDate d) {
    Integer c = compare(t, d);
    return c != null && c >= 0;
  }

  private static int digits(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (s.charAt(i) - '0');
    }
    return n;
  }

  /** A FHIRPath calendar-duration keyword (days, weeks, months, years; singular too). */
  static ChronoUnit unit(String keyword) {
    String k = keyword.toLowerCase(Locale.ROOT);
    return switch (k.endsWith("s") ? k : k + "s") {
      case "days" -> ChronoUnit.DAYS;
      case "weeks" -> ChronoUnit.WEEKS;
      case "months" -> ChronoUnit.MONTHS;
      case "years" -> ChronoUnit.YEARS;
      default -> throw new IllegalArgumentException("not a calendar duration: " + keyword);
    };
  }
}
