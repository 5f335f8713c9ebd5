package org.fhirtrials.model;

import java.util.List;

/**
 * Eligibility module.
 *
 * @param criteriaText the full criteria text as published (markdown escapes removed)
 * @param criteria the individual criteria split from the text, in source order
 * @param sex ALL, FEMALE or MALE; null when the record does not say
 * @param genderBased true when eligibility is based on gender identity
 * @param genderDescription free text about gender eligibility
 * @param minimumAge minimum age, null when there is none
 * @param maximumAge maximum age, null when there is none
 * @param healthyVolunteers whether healthy volunteers are accepted, null when unknown
 * @param stdAges registry age groups (CHILD, ADULT, OLDER_ADULT)
 * @param studyPopulation observational study population description
 * @param samplingMethod PROBABILITY_SAMPLE or NON_PROBABILITY_SAMPLE
 */
public record Eligibility(
    String criteriaText,
    List<Criterion> criteria,
    Sex sex,
    Boolean genderBased,
    String genderDescription,
    Age minimumAge,
    Age maximumAge,
    Boolean healthyVolunteers,
    List<String> stdAges,
    String studyPopulation,
    String samplingMethod) {

  public static final Eligibility EMPTY =
      new Eligibility(null, null, null, null, null, null, null, null, null, null, null);

  public Eligibility {
    criteria = Lists.copy(criteria);
    stdAges = Lists.copy(stdAges);
  }

  /** Sex eligibility. */
  public enum Sex {
    ALL,
    FEMALE,
    MALE
  }
}
