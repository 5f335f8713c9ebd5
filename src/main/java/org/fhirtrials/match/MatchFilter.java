package org.fhirtrials.match;

import java.util.Set;
import org.fhirtrials.model.GeoPoint;
import org.fhirtrials.model.Phase;
import org.fhirtrials.model.RecruitmentStatus;

/**
 * Which trials to consider for a patient. Empty sets mean "any".
 *
 * @param phases trial phases (a trial matches when any of its phases is listed)
 * @param statuses registry recruitment statuses
 * @param near the patient's location, or null for no distance limit
 * @param radiusKm with {@code near}: only trials with a site within this distance
 */
public record MatchFilter(
    Set<Phase> phases, Set<RecruitmentStatus> statuses, GeoPoint near, Double radiusKm) {
  public static final MatchFilter ANY = new MatchFilter(Set.of(), Set.of(), null, null);

  public MatchFilter {
    phases = phases == null ? Set.of() : Set.copyOf(phases);
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    if (radiusKm != null && (radiusKm < 0 || near == null)) {
      throw new IllegalArgumentException("a radius needs a location and must not be negative");
    }
  }
}
