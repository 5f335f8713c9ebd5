package org.fhirtrials.model;

import java.util.List;

/**
 * An intervention.
 *
 * @param type DRUG, DEVICE, BIOLOGICAL, PROCEDURE, RADIATION, BEHAVIORAL, GENETIC,
 *     DIETARY_SUPPLEMENT, COMBINATION_PRODUCT, DIAGNOSTIC_TEST, OTHER (registry code) or null
 * @param name intervention name
 * @param description how it is given
 * @param armGroupLabels labels of the arms that use it
 * @param otherNames synonyms and code names
 */
public record Intervention(
    String type,
    String name,
    String description,
    List<String> armGroupLabels,
    List<String> otherNames) {
  public Intervention {
    armGroupLabels = Lists.copy(armGroupLabels);
    otherNames = Lists.copy(otherNames);
  }
}
