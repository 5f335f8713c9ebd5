package org.fhirtrials.eligibility.extract;

import java.util.List;
import java.util.Objects;
import org.fhirtrials.terminology.Terminology.Concept;

/**
 * One structured requirement found in a criterion, e.g. "platelets ≥ 80 × 10^9/L".
 *
 * <p>The constraint states what the text says, not whether meeting it includes or excludes: for an
 * exclusion criterion "absolute neutrophil count &lt;1.5×10^9/L" the constraint is ANC &lt; 1.5
 * 10*9/L, and the criterion's exclusion flag says that meeting it excludes.
 *
 * @param category what the constraint is about
 * @param concept the coded concept, or null when no verified code exists (then not computable,
 *     except AGE and SEX which are computed from Patient demographics)
 * @param name the concept's name as the project knows it (e.g. "Platelets"), never null
 * @param thresholds bounds that must all hold (a range is two); empty for a presence constraint
 * @param unit canonical UCUM unit of the threshold values, null when dimensionless or relative
 * @param reference absolute, or a multiple of the upper / lower limit of normal
 * @param allowedValues ordinal values the text allows (e.g. Child-Pugh class "A", "B"), else empty
 * @param sex the sex the constraint is restricted to, null for everyone
 * @param window when the fact must have happened, null when not stated
 * @param absent true when the text requires the concept to be absent ("no prior systemic therapy",
 *     "non-pregnant")
 * @param start start offset of the source span in the criterion text
 * @param end end offset (exclusive) of the source span
 * @param computable whether a machine may evaluate this constraint
 * @param reason why it is not computable; null when computable
 * @param fhirPath the FHIRPath expression over a patient Bundle (true = the constraint holds, false
 *     = it does not, empty = data missing); null when not computable
 */
public record Constraint(
    Category category,
    Concept concept,
    String name,
    List<Threshold> thresholds,
    String unit,
    Reference reference,
    List<String> allowedValues,
    Sex sex,
    TimeWindow window,
    boolean absent,
    int start,
    int end,
    boolean computable,
    String reason,
    String fhirPath) {
  public Constraint {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(name, "name");
    thresholds = List.copyOf(thresholds);
    allowedValues = List.copyOf(allowedValues);
    reference = reference == null ? Reference.ABSOLUTE : reference;
  }

  /** The single threshold of a one-sided constraint, or null. */
  public Threshold threshold() {
    return thresholds.size() == 1 ? thresholds.get(0) : null;
  }

  /** A copy marked not computable for {@code why}, without an expression. */
  public Constraint notComputable(String why) {
    return new Constraint(
        category,
        concept,
        name,
        thresholds,
        unit,
        reference,
        allowedValues,
        sex,
        window,
        absent,
        start,
        end,
        false,
        why,
        null);
  }

  /** A copy carrying the FHIRPath expression. */
  public Constraint withFhirPath(String expression) {
    return new Constraint(
        category,
        concept,
        name,
        thresholds,
        unit,
        reference,
        allowedValues,
        sex,
        window,
        absent,
        start,
        end,
        computable,
        reason,
        expression);
  }
}
