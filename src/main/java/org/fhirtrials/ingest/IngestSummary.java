package org.fhirtrials.ingest;

import java.util.List;

/**
 * What a read produced.
 *
 * @param loaded records handed to the sink
 * @param rejections records that were reported and skipped
 */
public record IngestSummary(int loaded, List<Rejection> rejections) {
  public IngestSummary {
    rejections = List.copyOf(rejections);
  }

  @Override
  public String toString() {
    return loaded + " loaded, " + rejections.size() + " rejected";
  }
}
