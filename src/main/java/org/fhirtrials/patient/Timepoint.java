package org.fhirtrials.patient;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A FHIR {@code date}, {@code dateTime} or {@code instant} with the precision it was recorded at,
 * kept as the interval it covers: {@code 2019} covers the whole year, {@code 2019-04-01} the whole
 * day (dates without a time zone are read in UTC), a full timestamp a single instant.
 *
 * @param original the value as recorded
 * @param earliest first instant the value may denote (inclusive)
 * @param latest last instant the value may denote (inclusive)
 */
public record Timepoint(String original, Instant earliest, Instant latest)
    implements Comparable<Timepoint> {

  // FHIR dateTime grammar (http://hl7.org/fhir/datatypes.html#dateTime), seconds optional as the
  // R5 grammar allows hh:mm; a time needs a zone.
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?)?)?");

  public Timepoint {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(earliest, "earliest");
    Objects.requireNonNull(latest, "latest");
  }

  /**
   * Parses a FHIR date/dateTime/instant.
   *
   * @throws PatientDataException naming {@code resource} and {@code field} when malformed
   */
  public static Timepoint parse(String value, String resource, String field) {
    if (value == null || !DATE_TIME.matcher(value).matches()) {
      throw malformed(value, resource, field);
    }
    try {
      return switch (value.length()) {
        case 4 -> {
          Year y = Year.parse(value);
          yield ofDates(value, y.atDay(1), y.atMonth(12).atEndOfMonth());
        }
        case 7 -> {
          YearMonth ym = YearMonth.parse(value);
          yield ofDates(value, ym.atDay(1), ym.atEndOfMonth());
        }
        case 10 -> {
          LocalDate d = LocalDate.parse(value);
          yield ofDates(value, d, d);
        }
        default -> {
          Instant i =
              OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
          yield new Timepoint(value, i, i);
        }
      };
    } catch (DateTimeException e) {
      throw malformed(value, resource, field);
    }
  }

  private static PatientDataException malformed(String value, String resource, String field) {
    return new PatientDataException(
        resource,
        field,
        "malformed date '" + value + "' (expected YYYY, YYYY-MM, YYYY-MM-DD or a dateTime)");
  }

  private static Timepoint ofDates(String original, LocalDate first, LocalDate last) {
    return new Timepoint(
        original,
        first.atStartOfDay(ZoneOffset.UTC).toInstant(),
        last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1));
  }

  /** First calendar day (UTC) this value may denote. */
  public LocalDate earliestDate() {
    return LocalDate.ofInstant(earliest, ZoneOffset.UTC);
  }

  /** Last calendar day (UTC) this value may denote. */
  public LocalDate latestDate() {
    return LocalDate.ofInstant(latest, ZoneOffset.UTC);
  }

  /** True when this value certainly lies at or after {@code instant}. */
  public boolean certainlyNotBefore(Instant instant) {
    return !earliest.isBefore(instant);
  }

  /** Orders by earliest instant, then latest (so {@code 2019} sorts before {@code 2019-06}). */
  @Override
  public int compareTo(Timepoint o) {
    int c = earliest.compareTo(o.earliest);
    return c != 0 ? c : latest.compareTo(o.latest);
  }

  @Override
  public String toString() {
    return original;
  }
}
