package org.fhirtrials.search;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A FHIR date, dateTime or instant as the range of milliseconds it covers: {@code 2024} is the
 * whole year, {@code 2024-03} the month. Times without a zone are read as UTC.
 *
 * @param low first millisecond covered
 * @param high last millisecond covered
 */
public record DateRange(long low, long high) {
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern LOCAL_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");
  private static final Pattern WITH_SECONDS = Pattern.compile(".*T\\d{2}:\\d{2}:\\d{2}.*");

  /** The range a FHIR date or dateTime string covers; null when it is not one. */
  public static DateRange parse(String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    DateRange calendar = calendarDate(v);
    return calendar != null ? calendar : parseSlowly(v);
  }

  /** {@link #parse} of a trimmed value by patterns (the reference the fast path must equal). */
  static DateRange parseSlowly(String v) {
    try {
      if (YEAR.matcher(v).matches()) {
        LocalDate start = LocalDate.of(Integer.parseInt(v), 1, 1);
        return days(start, start.plusYears(1));
      }
      if (MONTH.matcher(v).matches()) {
        YearMonth ym = YearMonth.parse(v);
        return days(ym.atDay(1), ym.plusMonths(1).atDay(1));
      }
      if (DAY.matcher(v).matches()) {
        LocalDate d = LocalDate.parse(v);
        return days(d, d.plusDays(1));
      }
      if (LOCAL_TIME.matcher(v).matches()) {
        v = v + "Z";
      }
      OffsetDateTime t = OffsetDateTime.parse(v);
      long ms = t.toInstant().toEpochMilli();
      boolean seconds = WITH_SECONDS.matcher(v).matches();
      return new DateRange(ms, ms + (seconds ? 999 : 59_999));
    } catch (DateTimeParseException | NumberFormatException e) {
      return null;
    }
  }

  /**
   * A year, month or day in their only lexical forms ({@code 2024}, {@code 2024-03}, {@code
   * 2024-03-15}), read without regular expressions (most indexed dates are these); null for
   * anything else, which the general path then reads (and rejects when it is no valid date).
   */
  private static DateRange calendarDate(String v) {
    int n = v.length();
    if ((n != 4 && n != 7 && n != 10)
        || !digits(v, 0, 4)
        || (n >= 7 && (v.charAt(4) != '-' || !digits(v, 5, 7)))
        || (n == 10 && (v.charAt(7) != '-' || !digits(v, 8, 10)))) {
      return null;
    }
    int year = Integer.parseInt(v, 0, 4, 10);
    int month = n >= 7 ? Integer.parseInt(v, 5, 7, 10) : 1;
    int day = n == 10 ? Integer.parseInt(v, 8, 10, 10) : 1;
    if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
      return null; // the general path rejects it too
    }
    LocalDate from = LocalDate.of(year, month, day);
    return days(from, n == 4 ? from.plusYears(1) : n == 7 ? from.plusMonths(1) : from.plusDays(1));
  }

  private static boolean digits(String v, int from, int to) {
    for (int i = from; i < to; i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static DateRange days(LocalDate from, LocalDate toExclusive) {
    return new DateRange(
        from.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli(),
        toExclusive.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli() - 1);
  }

  /** The smallest range covering both (a Period from start to end). */
  public DateRange span(DateRange other) {
    if (other == null) {
      return this;
    }
    return new DateRange(Math.min(low, other.low), Math.max(high, other.high));
  }
}
