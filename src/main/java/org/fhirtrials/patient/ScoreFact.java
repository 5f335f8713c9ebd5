package org.fhirtrials.patient;

import java.util.Optional;

/**
 * A performance-status score (ECOG 0..5, Karnofsky 0..100).
 *
 * @param value the score
 * @param effective when assessed
 * @param reference the Observation
 */
public record ScoreFact(int value, Optional<Timepoint> effective, String reference) {}
