package org.fhirtrials.eligibility.extract;

import java.util.List;
import java.util.Objects;
import org.fhirtrials.model.Criterion;

/**
 * The structured form of one criterion.
 *
 * @param criterion the source criterion (text kept verbatim there)
 * @param constraints the constraints found, in source order; may be empty
 * @param logic how the constraints combine: {@link Logic#ALL_OF} (every one must hold) or {@link
 *     Logic#ANY_OF} (one is enough). Inclusion lists default to ALL_OF, exclusion lists to ANY_OF.
 * @param computable true when every constraint is computable and there is at least one
 * @param reason why the criterion is not computable; null when computable
 * @param fhirPath the whole criterion as one FHIRPath expression (the constraints' expressions
 *     joined by {@code and} / {@code or}); null when not computable
 */
public record ExtractedCriterion(
    Criterion criterion,
    List<Constraint> constraints,
    Logic logic,
    boolean computable,
    String reason,
    String fhirPath) {
  public ExtractedCriterion {
    Objects.requireNonNull(criterion, "criterion");
    constraints = List.copyOf(constraints);
    Objects.requireNonNull(logic, "logic");
  }

  /** How the constraints of a criterion combine. */
  public enum Logic {
    ALL_OF,
    ANY_OF
  }

  /** The constraints of one category, in source order. */
  public List<Constraint> constraints(Category category) {
    return constraints.stream().filter(c -> c.category() == category).toList();
  }
}
