package org.fhirtrials.store.postgres;

/** The database failed or holds something unreadable; the message names the trial or operation. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
