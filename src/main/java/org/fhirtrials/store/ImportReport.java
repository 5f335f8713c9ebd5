package org.fhirtrials.store;

import java.time.Duration;
import java.util.List;
import org.fhirtrials.ingest.Rejection;

/**
 * What an import did.
 *
 * @param counts studies inserted, updated (new version) and unchanged
 * @param rejections records that could not be read, with origin and reason
 * @param elapsed wall-clock time of the import
 */
public record ImportReport(SaveCounts counts, List<Rejection> rejections, Duration elapsed) {
  public ImportReport {
    rejections = List.copyOf(rejections);
  }

  /** Studies saved per second. */
  public double rate() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : counts.total() / seconds;
  }
}
