package org.fhirtrials.ingest;

import java.io.IOException;

/**
 * A search page that is not whole JSON (truncated, cut off, not a {@code {"studies":[...]}}
 * object): an I/O failure of the page, to be fetched again, not bad data in one study.
 */
public final class MalformedPageException extends IOException {
  private static final long serialVersionUID = 1L;

  public MalformedPageException(String message) {
    super(message);
  }

  public MalformedPageException(String message, Throwable cause) {
    super(message, cause);
  }
}
