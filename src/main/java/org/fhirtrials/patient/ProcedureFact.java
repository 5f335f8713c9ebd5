package org.fhirtrials.patient;

import java.util.List;
import java.util.Optional;

/**
 * One Procedure.
 *
 * @param reference e.g. {@code Procedure/abc}
 * @param codes Procedure.code codings
 * @param status Procedure.status (completed, in-progress, not-done...)
 * @param performed performed[x] (dateTime, or Period start)
 */
public record ProcedureFact(
    String reference, List<Code> codes, String status, Optional<Timepoint> performed) {
  public ProcedureFact {
    codes = List.copyOf(codes);
  }

  public boolean hasCode(String system, String code) {
    return codes.stream().anyMatch(c -> c.is(system, code));
  }
}
