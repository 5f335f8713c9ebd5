package org.fhirtrials.ingest;

import java.util.List;
import org.fhirtrials.eligibility.AgeRangeExtractor;
import org.fhirtrials.eligibility.AgeRangeExtractor.AgeRange;
import org.fhirtrials.eligibility.CriteriaSplitter;
import org.fhirtrials.model.Age;
import org.fhirtrials.model.Criterion;
import org.fhirtrials.model.Eligibility;
import org.fhirtrials.model.Eligibility.Sex;

/** Builds the eligibility module of a seed page. */
final class SeedEligibility {
  private static final CriteriaSplitter SPLITTER = new CriteriaSplitter();

  private SeedEligibility() {}

  /**
   * @param pageText the criteria as on the page (markdown escapes are removed here)
   * @param minimumAge the page's age field, or null: then the age range stated in the inclusion
   *     criteria, if any, is used
   */
  static Eligibility of(
      String pageText, Sex sex, Age minimumAge, Age maximumAge, Boolean healthyVolunteers) {
    String criteriaText = RegistryText.clean(pageText);
    List<Criterion> criteria = SPLITTER.split(criteriaText);
    if (minimumAge == null && maximumAge == null) {
      AgeRange stated = statedAgeRange(criteria);
      minimumAge = stated.minimum();
      maximumAge = stated.maximum();
    }
    return new Eligibility(
        criteriaText,
        criteria,
        sex,
        null,
        null,
        minimumAge,
        maximumAge,
        healthyVolunteers,
        null,
        null,
        null);
  }

  /** The first age range stated in an inclusion criterion. */
  private static AgeRange statedAgeRange(List<Criterion> criteria) {
    for (Criterion criterion : criteria) {
      if (!criterion.exclusion()) {
        AgeRange range = AgeRangeExtractor.extract(criterion.text());
        if (!range.isEmpty()) {
          return range;
        }
      }
    }
    return AgeRange.NONE;
  }
}
