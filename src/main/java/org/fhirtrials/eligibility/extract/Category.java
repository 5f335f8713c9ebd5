package org.fhirtrials.eligibility.extract;

/** What a constraint is about. */
public enum Category {
  AGE,
  SEX,
  HEALTHY_VOLUNTEERS,
  PERFORMANCE_STATUS,
  LIVER_SCORE,
  LAB,
  VITAL,
  CONDITION,
  PREGNANCY,
  LACTATION,
  CONTRACEPTION,
  PRIOR_THERAPY,
  STAGING,
  TUMOUR_BURDEN,
  OTHER
}
