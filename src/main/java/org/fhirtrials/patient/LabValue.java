package org.fhirtrials.patient;

import java.util.List;
import java.util.Optional;

/**
 * One observed value of one LOINC code (an Observation, or one component of it such as the systolic
 * pressure of a blood-pressure panel).
 *
 * @param reference source resource, e.g. {@code Observation/abc}
 * @param status Observation.status (final, amended, preliminary...)
 * @param effective when it was observed ({@code effective[x]}; a Period gives its start); empty
 *     when the resource does not say (never replaced by {@code issued})
 * @param value quantity in the canonical unit of {@link LabCatalog} when the LOINC is catalogued,
 *     else the quantity as recorded; integers (ECOG, Karnofsky) have unit {@code 1}
 * @param original the quantity exactly as recorded (value and unit code), when quantitative
 * @param comparator {@code <}, {@code <=}, {@code >=}, {@code >} when the result is censored ("&lt;
 *     0.5 mg/dL"): {@code value} is then a bound, not the measured value
 * @param low reference range low, in the unit of {@code value}
 * @param high reference range high (the upper limit of normal), in the unit of {@code value}
 * @param interpretation Observation.interpretation codings (H, L, A...)
 * @param coded codings of a {@code valueCodeableConcept}
 * @param flag a {@code valueBoolean}
 * @param canonical true when {@code value} is in the {@link LabCatalog} canonical unit
 */
public record LabValue(
    String reference,
    String status,
    Optional<Timepoint> effective,
    Optional<Measure> value,
    Optional<Measure> original,
    Optional<String> comparator,
    Optional<Measure> low,
    Optional<Measure> high,
    List<Code> interpretation,
    List<Code> coded,
    Optional<Boolean> flag,
    boolean canonical) {

  public LabValue {
    interpretation = List.copyOf(interpretation);
    coded = List.copyOf(coded);
  }

  /** True when any coding of the coded value is {@code system|code}. */
  public boolean hasCode(String system, String code) {
    return coded.stream().anyMatch(c -> c.is(system, code));
  }
}
