package org.fhirtrials.ingest;

import org.fhirtrials.model.Trial;

/**
 * Parses the plain-text trial pages in {@code shared/seeds} (three site layouts) into the domain
 * model.
 */
public final class SeedPageParser {
  /**
   * @throws RecordException when the page's layout is unknown or it has no NCT id
   */
  public Trial parse(String text, String origin) {
    throw new UnsupportedOperationException("TODO: seed helper");
  }
}
