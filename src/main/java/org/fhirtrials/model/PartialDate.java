package org.fhirtrials.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A date with the precision the registry gave: {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}
 * (the same grammar as FHIR {@code date}).
 *
 * @param value ISO value
 * @param estimated true when the registry marks the date as anticipated / estimated
 */
public record PartialDate(String value, boolean estimated) {
  private static final Pattern ISO = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

  public PartialDate {
    Objects.requireNonNull(value, "value");
    if (!ISO.matcher(value).matches()) {
      throw new IllegalArgumentException("not an ISO partial date: " + value);
    }
  }

  public static PartialDate actual(String value) {
    return new PartialDate(value, false);
  }

  public static PartialDate estimated(String value) {
    return new PartialDate(value, true);
  }
}
