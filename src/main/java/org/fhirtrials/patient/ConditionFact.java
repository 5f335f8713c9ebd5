package org.fhirtrials.patient;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One Condition.
 *
 * @param reference e.g. {@code Condition/abc}
 * @param codes Condition.code codings (SNOMED CT, ICD-10, ...)
 * @param text Condition.code.text, when given
 * @param clinicalStatus code from condition-clinical (active, recurrence, relapse, inactive,
 *     remission, resolved), empty when absent
 * @param verificationStatus code from condition-ver-status (unconfirmed, provisional, differential,
 *     confirmed, refuted), empty when absent
 * @param onset onset[x] (dateTime, or Period start)
 * @param abatement abatement[x] (dateTime, or Period end)
 * @param recorded recordedDate
 */
public record ConditionFact(
    String reference,
    List<Code> codes,
    Optional<String> text,
    Optional<String> clinicalStatus,
    Optional<String> verificationStatus,
    Optional<Timepoint> onset,
    Optional<Timepoint> abatement,
    Optional<Timepoint> recorded) {

  private static final Set<String> ACTIVE = Set.of("active", "recurrence", "relapse");
  private static final Set<String> NOT_ACTIVE = Set.of("inactive", "remission", "resolved");

  public ConditionFact {
    codes = List.copyOf(codes);
  }

  public boolean hasCode(String system, String code) {
    return codes.stream().anyMatch(c -> c.is(system, code));
  }

  /**
   * Whether the condition is current: true for active/recurrence/relapse, false for
   * inactive/remission/resolved or a refuted diagnosis, empty when the clinical status is absent or
   * unrecognised.
   */
  public Optional<Boolean> active() {
    if (verificationStatus.filter("refuted"::equals).isPresent()) {
      return Optional.of(false);
    }
    return clinicalStatus.flatMap(
        s ->
            ACTIVE.contains(s)
                ? Optional.of(true)
                : NOT_ACTIVE.contains(s) ? Optional.of(false) : Optional.empty());
  }

  /** The date the condition is known from: onset, else recordedDate. */
  public Optional<Timepoint> since() {
    return onset.or(() -> recorded);
  }
}
