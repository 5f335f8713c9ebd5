package org.fhirtrials.eligibility;

import java.util.List;
import org.fhirtrials.model.Criterion;

/**
 * Splits an eligibility criteria text (ClinicalTrials.gov "Inclusion Criteria: ... Exclusion
 * Criteria: ..." markdown, or the text of a seed page) into individual {@link Criterion} items.
 */
public final class CriteriaSplitter {
  /** The criteria in source order; empty for a null or blank text. */
  public List<Criterion> split(String criteriaText) {
    return List.of(); // TODO: seeds helper implements
  }
}
