package org.fhirtrials.sync;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fhirtrials.ingest.Rejection;
import org.fhirtrials.store.SaveCounts;

/**
 * What a completed sync did.
 *
 * @param since the first day of the update window asked for; null when every study was asked for
 * @param pages pages read
 * @param requests HTTP requests sent, retries included
 * @param retries requests that failed and were retried
 * @param counts studies inserted, updated (new version) and unchanged
 * @param rejections studies that could not be mapped, with reasons
 * @param watermark the watermark now stored (the start of this run)
 * @param elapsed wall-clock time of the run
 */
public record SyncReport(
    LocalDate since,
    long pages,
    long requests,
    long retries,
    SaveCounts counts,
    List<Rejection> rejections,
    Instant watermark,
    Duration elapsed) {
  public SyncReport {
    rejections = List.copyOf(rejections);
  }
}
