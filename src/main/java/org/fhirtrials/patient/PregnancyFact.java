package org.fhirtrials.patient;

import java.util.Optional;

/**
 * One piece of evidence about pregnancy: a pregnancy-status Observation (LOINC 82810-3) or a
 * Condition coded as pregnancy.
 *
 * @param status what the evidence says
 * @param when effective date of the Observation, or onset/recorded date of the Condition
 * @param reference the source resource
 */
public record PregnancyFact(Status status, Optional<Timepoint> when, String reference) {

  /** Pregnancy status as coded. {@link #UNKNOWN} is a recorded "unknown" answer. */
  public enum Status {
    PREGNANT,
    NOT_PREGNANT,
    UNKNOWN
  }
}
