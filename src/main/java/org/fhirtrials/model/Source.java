package org.fhirtrials.model;

/**
 * Where a record came from.
 *
 * @param format the input format
 * @param origin file name (or file!entry for zips), for error reports and provenance
 * @param layout for seed text pages, the detected layout (e.g. {@code medpath}); else null
 */
public record Source(Format format, String origin, String layout) {
  /** Input formats. */
  public enum Format {
    CTGOV_V2_JSON,
    SEED_TEXT
  }
}
