package org.fhirtrials.cds;

/**
 * A CDS Hooks call that cannot be answered with cards: the HTTP status and a message for the EHR.
 */
public final class CdsException extends RuntimeException {
  public static final int BAD_REQUEST = 400;
  public static final int NOT_FOUND = 404;
  public static final int PRECONDITION_FAILED = 412;

  private final int status;

  public CdsException(int status, String message) {
    super(message);
    this.status = status;
  }

  public static CdsException badRequest(String message) {
    return new CdsException(BAD_REQUEST, message);
  }

  public static CdsException preconditionFailed(String message) {
    return new CdsException(PRECONDITION_FAILED, message);
  }

  public int status() {
    return status;
  }
}
