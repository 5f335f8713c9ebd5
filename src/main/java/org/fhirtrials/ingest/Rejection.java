package org.fhirtrials.ingest;

/**
 * A record that could not be imported.
 *
 * @param origin file (or {@code archive.zip!entry}), with the position inside a page where known
 *     (e.g. {@code page.json#studies[3]})
 * @param nctId the record's NCT id when it could be read, else null
 * @param reason what is wrong, for a person to act on
 */
public record Rejection(String origin, String nctId, String reason) {
  @Override
  public String toString() {
    return origin + (nctId == null ? "" : " [" + nctId + "]") + ": " + reason;
  }
}
