package org.fhirtrials.eligibility.evaluate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fhirtrials.model.Criterion;

/**
 * The outcome of one criterion for one patient. For an exclusion criterion {@link Outcome#MET}
 * means the exclusion applies.
 *
 * @param criterion the source criterion (id, text, inclusion/exclusion)
 * @param outcome the constraints combined with three-valued logic (all of / any of), exactly as the
 *     criterion's published FHIRPath combines them; {@link Outcome#UNKNOWN} when the criterion has
 *     no computable constraint
 * @param computable true when every constraint of the criterion is computable
 * @param evaluated true when at least one constraint was evaluated (the criterion has a published
 *     expression); false for criteria left to review
 * @param awaitingData true when the outcome is unknown because a computable constraint lacks data
 *     (as opposed to unknown only because a part is not computable)
 * @param constraints per-constraint outcomes with evidence, in source order
 * @param notComputable why (part of) the criterion is not computable, or null
 */
public record CriterionResult(
    Criterion criterion,
    Outcome outcome,
    boolean computable,
    boolean evaluated,
    boolean awaitingData,
    List<ConstraintResult> constraints,
    String notComputable) {

  public boolean exclusion() {
    return criterion.exclusion();
  }

  /**
   * Why the outcome is unknown: the missing data and the parts that are not computable, e.g. "no
   * Platelets (LOINC 777-3) in the last 90 days; not computable: Lactation: no verified code". Null
   * when the outcome is known.
   */
  public String reason() {
    if (outcome != Outcome.UNKNOWN) {
      return null;
    }
    Set<String> parts = new LinkedHashSet<>();
    for (ConstraintResult c : constraints) {
      if (c.outcome() == Outcome.UNKNOWN && c.computable() && c.missing() != null) {
        parts.add(c.missing());
      }
    }
    if (notComputable != null) {
      parts.add("not computable: " + notComputable);
    }
    return String.join("; ", parts);
  }

  @Override
  public String toString() {
    return criterion.id()
        + " "
        + outcome
        + (outcome == Outcome.UNKNOWN ? " (" + reason() + ")" : "");
  }
}
