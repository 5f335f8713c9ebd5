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
      OffsetDateTime t = OffsetDateTime.parse(v.length() == 17 ? v : v);
      long ms = t.toInstant().toEpochMilli();
      boolean seconds = WITH_SECONDS.matcher(v).matches();
      return new DateRange(ms, ms + (seconds ? 999 : 59_999));
    } catch (DateTimeParseException | NumberFormatException e) {
      return null;
    }
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
