package org.fhirtrials.eligibility.evaluate;

import java.util.List;

/**
 * One patient against one trial.
 *
 * @param trialId the trial, e.g. {@code NCT06310590}
 * @param verdict eligible / possibly eligible / ineligible (DESIGN D5, see {@link
 *     EligibilityEvaluator})
 * @param score in [0,1]: the share of evaluated criteria known to be favourable (inclusions met,
 *     exclusions not met); 0 when ineligible or when nothing could be evaluated
 * @param criteria per-criterion results: the trial's structured limits first, then the criteria in
 *     source order
 */
public record TrialEvaluation(
    String trialId, Verdict verdict, double score, List<CriterionResult> criteria) {

  /** The result of criterion {@code id}, or null. */
  public CriterionResult criterion(String id) {
    for (CriterionResult c : criteria) {
      if (c.criterion().id().equals(id)) {
        return c;
      }
    }
    return null;
  }

  /** Criteria whose outcome is unknown (to verify by hand or with more data). */
  public List<CriterionResult> unknowns() {
    return criteria.stream().filter(c -> c.outcome() == Outcome.UNKNOWN).toList();
  }

  /** The criteria that make the patient ineligible (inclusions not met, exclusions met). */
  public List<CriterionResult> failures() {
    return criteria.stream()
        .filter(c -> c.outcome() == (c.exclusion() ? Outcome.MET : Outcome.NOT_MET))
        .toList();
  }
}
