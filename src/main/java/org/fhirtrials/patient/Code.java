package org.fhirtrials.patient;

import java.util.Objects;

/**
 * One coding: system URI, code, display (display may be null). Version-neutral copy of a FHIR
 * Coding.
 */
public record Code(String system, String code, String display) {
  public Code {
    Objects.requireNonNull(code, "code");
  }

  /** True when this coding is {@code system|code}. A null system here never matches. */
  public boolean is(String system, String code) {
    return Objects.equals(this.system, system) && this.code.equals(code);
  }
}
