package org.fhirtrials.patient;

import java.util.List;
import java.util.Optional;

/**
 * One medication record: a MedicationStatement, MedicationRequest or MedicationAdministration.
 *
 * @param reference e.g. {@code MedicationRequest/abc}
 * @param kind which resource type it came from
 * @param codes medication codings, from medicationCodeableConcept or from the Medication resource
 *     it references (when that Medication is in the bundle)
 * @param text medication text, when given
 * @param status the resource status (active, completed, stopped...)
 * @param start effective/occurrence start, or MedicationRequest.authoredOn
 * @param end effective/occurrence Period end, when given
 */
public record MedicationFact(
    String reference,
    Kind kind,
    List<Code> codes,
    Optional<String> text,
    String status,
    Optional<Timepoint> start,
    Optional<Timepoint> end) {

  /** The resource type a medication fact came from. */
  public enum Kind {
    STATEMENT,
    REQUEST,
    ADMINISTRATION
  }

  public MedicationFact {
    codes = List.copyOf(codes);
  }

  public boolean hasCode(String system, String code) {
    return codes.stream().anyMatch(c -> c.is(system, code));
  }
}
