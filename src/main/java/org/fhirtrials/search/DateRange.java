package org.fhirtrials.search;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A FHIR date, dateTime or instant as the range of milliseconds it covers: {@code 2024} is the
 * whole year, {@code 2024-03} the month. Times without a zone are read as UTC.
 *
 * @param low first millisecond covered
 * @param high last millisecond covered
 */
public record DateRange(long low, long high) {
  /** The range a FHIR date or dateTime string covers; null when it is not one. */
  public static DateRange parse(String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    try {
      if (v.matches("\\d{4}")) {
        LocalDate start = LocalDate.of(Integer.parseInt(v), 1, 1);
        return days(start, start.plusYears(1));
      }
      if (v.matches("\\d{4}-\\d{2}")) {
        YearMonth ym = YearMonth.parse(v);
        return days(ym.atDay(1), ym.plusMonths(1).atDay(1));
      }
      if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
        LocalDate d = LocalDate.parse(v);
        return days(d, d.plusDays(1));
      }
      if (v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?")) {
        v = v + "Z";
      }
      OffsetDateTime t = OffsetDateTime.parse(v.length() == 17 ? v : v);
      long ms = t.toInstant().toEpochMilli();
      boolean seconds = v.matches(".*T\\d{2}:\\d{2}:\\d{2}.*");
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
