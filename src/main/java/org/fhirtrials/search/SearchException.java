package org.fhirtrials.search;

/** A search the server cannot answer as asked: the message names the parameter and the problem. */
public final class SearchException extends IllegalArgumentException {
  public SearchException(String message) {
    super(message);
  }
}
