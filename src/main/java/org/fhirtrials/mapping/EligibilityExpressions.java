package org.fhirtrials.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fhirtrials.model.Age;
import org.fhirtrials.model.Eligibility.Sex;

/**
 * FHIRPath expressions (over a {@code Patient}) for the computable registry eligibility facts
 * (DESIGN D3): true when the patient meets the criterion, false when not, empty when the data is
 * missing (FHIRPath comparisons with an empty operand are empty, and {@code and} keeps an empty
 * result unless the other side is false).
 */
public final class EligibilityExpressions {
  /** FHIRPath media type for {@code Expression.language}. */
  public static final String FHIRPATH = "text/fhirpath";

  private EligibilityExpressions() {}

  /**
   * Age limits as a birth-date test. The minimum is inclusive ({@code birthDate <= today() - 18
   * years}); the maximum is inclusive in completed units, as the registry means it (a patient aged
   * 65 years 11 months meets "maximum 65 years": {@code birthDate > today() - 66 years}). Empty
   * when a limit has a unit FHIRPath date arithmetic cannot use on a date (hours, minutes) or a
   * fractional value: such a limit stays text and is flagged not computable.
   */
  public static Optional<String> age(Age minimum, Age maximum) {
    List<String> parts = new ArrayList<>();
    if (minimum != null) {
      Optional<String> q = calendarQuantity(minimum, 0);
      if (q.isEmpty()) {
        return Optional.empty();
      }
      parts.add("Patient.birthDate <= today() - " + q.get());
    }
    if (maximum != null) {
      Optional<String> q = calendarQuantity(maximum, 1);
      if (q.isEmpty()) {
        return Optional.empty();
      }
      parts.add("Patient.birthDate > today() - " + q.get());
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        parts.size() == 1 ? parts.get(0) : "(" + String.join(") and (", parts) + ")");
  }

  /** Sex limit: empty for ALL (no limit) or when unknown; Patient.gender other/unknown → empty. */
  public static Optional<String> sex(Sex sex) {
    if (sex == null || sex == Sex.ALL) {
      return Optional.empty();
    }
    String code = sex == Sex.FEMALE ? "female" : "male";
    return Optional.of("Patient.gender.where($this = 'female' or $this = 'male') = '" + code + "'");
  }

  /** The administrative-gender code a sex limit requires; empty for ALL or null. */
  public static Optional<String> genderCode(Sex sex) {
    if (sex == null || sex == Sex.ALL) {
      return Optional.empty();
    }
    return Optional.of(sex == Sex.FEMALE ? "female" : "male");
  }

  private static Optional<String> calendarQuantity(Age age, int add) {
    BigDecimal v = age.value();
    if (v.signum() < 0 || v.stripTrailingZeros().scale() > 0) {
      return Optional.empty();
    }
    String keyword =
        switch (age.unit()) {
          case YEARS -> "years";
          case MONTHS -> "months";
          case WEEKS -> "weeks";
          case DAYS -> "days";
          case HOURS, MINUTES -> null;
        };
    if (keyword == null) {
      return Optional.empty();
    }
    return Optional.of(
        v.toBigIntegerExact().add(java.math.BigInteger.valueOf(add)) + " " + keyword);
  }
}
