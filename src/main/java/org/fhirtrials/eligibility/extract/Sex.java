package org.fhirtrials.eligibility.extract;

/** Administrative sex a constraint is restricted to; the FHIR {@code Patient.gender} code. */
public enum Sex {
  MALE("male"),
  FEMALE("female");

  private final String fhirCode;

  Sex(String fhirCode) {
    this.fhirCode = fhirCode;
  }

  /** The FHIR administrative-gender code. */
  public String fhirCode() {
    return fhirCode;
  }
}
