package org.fhirtrials.sync;

/** A sync that could not complete; the watermark is left where it was. */
public final class SyncException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SyncException(String message) {
    super(message);
  }

  public SyncException(String message, Throwable cause) {
    super(message, cause);
  }
}
