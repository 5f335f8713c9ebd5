package org.fhirtrials.match;

import org.fhirtrials.eligibility.evaluate.TrialEvaluation;
import org.fhirtrials.model.Site;
import org.fhirtrials.store.StoredTrial;

/**
 * One trial matched against one patient.
 *
 * @param trial the stored trial
 * @param evaluation per-criterion results, verdict and score
 * @param nearestSite the trial's site nearest to the patient, or null when no location was given or
 *     no site has coordinates
 * @param distanceKm great-circle distance to {@code nearestSite}, or null
 */
public record TrialMatch(
    StoredTrial trial, TrialEvaluation evaluation, Site nearestSite, Double distanceKm) {}
