package org.fhirtrials.patient;

/**
 * Patient data that cannot be turned into facts: a Bundle without a Patient, a malformed date, a
 * lab unit that cannot be converted. The message names the resource and the field, e.g. {@code
 * Observation/abc valueQuantity.code: unit 'furlong' cannot be converted to 10*9/L}; the {@code
 * $match} operation answers it as a 400 OperationOutcome.
 */
public class PatientDataException extends RuntimeException {
  private final String resource;
  private final String field;

  public PatientDataException(String resource, String field, String problem) {
    super(resource + (field == null ? "" : " " + field) + ": " + problem);
    this.resource = resource;
    this.field = field;
  }

  /** The offending resource, e.g. {@code Observation/abc} or {@code Bundle}. */
  public String resource() {
    return resource;
  }

  /** The offending element path within the resource, or null for the resource as a whole. */
  public String field() {
    return field;
  }
}
