package org.fhirtrials.eligibility.evaluate;

import org.fhirtrials.model.Age;
import org.fhirtrials.model.Eligibility;

/**
 * A trial's structured eligibility limits (registry fields, not criteria text).
 *
 * @param minimumAge null when none
 * @param maximumAge null when none (inclusive: "80 Years" admits an 80-year-old)
 * @param sex ALL, FEMALE, MALE; null when the record does not say
 * @param healthyVolunteers carried for display only: whether a trial accepts healthy volunteers
 *     cannot be decided from a patient record (absence of conditions is not evidence of health), so
 *     it never affects the verdict
 */
public record StructuredLimits(
    Age minimumAge, Age maximumAge, Eligibility.Sex sex, Boolean healthyVolunteers) {
  public static final StructuredLimits NONE = new StructuredLimits(null, null, null, null);

  public static StructuredLimits of(Eligibility e) {
    return e == null
        ? NONE
        : new StructuredLimits(e.minimumAge(), e.maximumAge(), e.sex(), e.healthyVolunteers());
  }
}
