package org.fhirtrials.ingest;

/** A single record cannot be parsed; the reader reports it and goes on with the next one. */
public class RecordException extends RuntimeException {
  private final String nctId;

  public RecordException(String nctId, String message) {
    super(message);
    this.nctId = nctId;
  }

  public RecordException(String nctId, String message, Throwable cause) {
    super(message, cause);
    this.nctId = nctId;
  }

  /** The NCT id of the bad record, when it could be read; else null. */
  public String nctId() {
    return nctId;
  }
}
