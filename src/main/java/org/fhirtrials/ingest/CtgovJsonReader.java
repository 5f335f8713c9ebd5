package org.fhirtrials.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.fhirtrials.model.Trial;

/**
 * Streams ClinicalTrials.gov API v2 JSON: a single study object or a {@code {"studies":[...]}}
 * page. Each good study goes to {@code sink}; each bad one (wrong types, missing NCT id, truncated
 * JSON) goes to {@code rejects} with its origin and NCT id, and reading goes on where possible.
 */
public final class CtgovJsonReader {
  public void read(InputStream in, String origin, Consumer<Trial> sink, Consumer<Rejection> rejects)
      throws IOException {
    throw new UnsupportedOperationException("TODO: ingest helper");
  }
}
