package org.fhirtrials.model;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An age limit, e.g. {@code 18 Years}.
 *
 * @param value the number
 * @param unit the unit
 */
public record Age(BigDecimal value, Unit unit) {
  private static final Pattern TEXT =
      Pattern.compile(
          "(\\d+(?:\\.\\d+)?)\\s*(year|month|week|day|hour|minute)s?", Pattern.CASE_INSENSITIVE);

  public Age {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(unit, "unit");
  }

  public static Age years(int years) {
    return new Age(BigDecimal.valueOf(years), Unit.YEARS);
  }

  /** Parses the registry form ({@code "18 Years"}, {@code "6 Months"}); empty otherwise. */
  public static Optional<Age> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = TEXT.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    Unit unit = Unit.valueOf(m.group(2).toUpperCase(Locale.ROOT) + "S");
    return Optional.of(new Age(new BigDecimal(m.group(1)), unit));
  }

  /** Age units, with their UCUM code. */
  public enum Unit {
    YEARS("a"),
    MONTHS("mo"),
    WEEKS("wk"),
    DAYS("d"),
    HOURS("h"),
    MINUTES("min");

    private final String ucum;

    Unit(String ucum) {
      this.ucum = ucum;
    }

    public String ucum() {
      return ucum;
    }
  }
}
