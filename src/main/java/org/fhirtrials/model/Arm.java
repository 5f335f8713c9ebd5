package org.fhirtrials.model;

import java.util.List;

/**
 * An arm group.
 *
 * @param label arm label, unique within the trial
 * @param type EXPERIMENTAL, ACTIVE_COMPARATOR, PLACEBO_COMPARATOR, SHAM_COMPARATOR,
 *     NO_INTERVENTION, OTHER (registry code) or null
 * @param description arm description
 * @param interventionNames the interventions given in this arm, as the registry names them (e.g.
 *     {@code "Drug: Regorafenib"} or {@code "Regorafenib"})
 */
public record Arm(String label, String type, String description, List<String> interventionNames) {
  public Arm {
    interventionNames = Lists.copy(interventionNames);
  }
}
