package org.fhirtrials.sync;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fhirtrials.ingest.Rejection;
import org.fhirtrials.model.Trial;
import org.fhirtrials.store.BatchWriter;
import org.fhirtrials.store.SaveCounts;
import org.fhirtrials.store.TrialImporter;
import org.fhirtrials.store.TrialStore;

/**
 * Pulls the studies updated since the last completed run from the ClinicalTrials.gov API v2 into a
 * store.
 *
 * <p>The window starts one day before the watermark's UTC date: {@code LastUpdatePostDate} is a
 * date in the registry's (US) time zone, so the overlap covers the zone difference and the studies
 * posted while the previous run was going. Studies fetched again are saved with {@link
 * TrialStore#saveAll}, as the importer does, which keeps an unchanged study's version: the overlap
 * costs requests, never versions.
 *
 * <p>Each page is saved (in batches of {@link TrialImporter#DEFAULT_BATCH_SIZE}, one transaction
 * each on PostgreSQL) once it has been read whole, by a {@link BatchWriter} while the next page is
 * fetched. The watermark, the start time of this run, is stored only after the last page: a run
 * that fails leaves it unchanged, so the next run fetches the same window again, and saving a study
 * twice is harmless.
 */
public final class RegistrySync {
  /** Told after each page. */
  public interface Progress {
    /**
     * @param pages pages read so far
     * @param counts studies saved so far
     * @param rejected studies rejected so far
     * @param totalCount the number of studies the search matches, when the API told it; else null
     */
    void page(long pages, SaveCounts counts, long rejected, Long totalCount);
  }

  /** Days of overlap before the watermark's date (see the class comment). */
  static final int OVERLAP_DAYS = 1;

  private final TrialStore store;
  private final SyncState state;
  private final CtgovClient client;
  private final SyncOptions options;
  private final Clock clock;
  private final Progress progress;

  public RegistrySync(
      TrialStore store,
      SyncState state,
      CtgovClient client,
      SyncOptions options,
      Clock clock,
      Progress progress) {
    this.store = Objects.requireNonNull(store, "store");
    this.state = Objects.requireNonNull(state, "state");
    this.client = Objects.requireNonNull(client, "client");
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** The first day of the window the next run asks for; null for every study. */
  public LocalDate since() {
    if (options.full()) {
      return null;
    }
    Optional<Instant> watermark = state.watermark(options.stateKey());
    if (watermark.isPresent()) {
      return LocalDate.ofInstant(watermark.get(), ZoneOffset.UTC).minusDays(OVERLAP_DAYS);
    }
    return options.since();
  }

  /**
   * Runs one sync to the end.
   *
   * @throws SyncException when a page cannot be had after the retries; the watermark is unchanged
   */
  public SyncReport run() {
    Instant started = clock.instant();
    long startedNanos = System.nanoTime();
    long requestsBefore = client.requests();
    long retriesBefore = client.retries();
    LocalDate since = since();
    try (BatchWriter writer =
        new BatchWriter(store, BatchWriter.DEFAULT_IN_FLIGHT, "sync-writer")) {
      Saves saves = new Saves(writer);
      Set<String> seenTokens = new HashSet<>();
      Long totalCount = null;
      String token = null;
      try {
        do {
          URI uri = client.pageUri(since, token);
          CtgovClient.Page page = client.fetch(uri);
          if (page.totalCount() != null) {
            totalCount = page.totalCount();
          }
          saves.submit(page, totalCount); // saved while the next page is fetched
          token = page.nextPageToken();
          if (token != null && !seenTokens.add(token)) {
            throw new SyncException(
                "the API returned page token " + token + " twice; stopping to avoid a loop");
          }
        } while (token != null);
      } catch (RuntimeException e) {
        writer.finishAfter(e); // keep the pages already read whole
        throw e;
      }
      writer.await();
      state.advance(options.stateKey(), started);
      return new SyncReport(
          since,
          saves.pages,
          client.requests() - requestsBefore,
          client.retries() - retriesBefore,
          saves.counts,
          saves.rejections,
          started,
          Duration.ofNanos(System.nanoTime() - startedNanos));
    }
  }

  /**
   * Saves each page in batches of {@link TrialImporter#DEFAULT_BATCH_SIZE} while the next page is
   * fetched, and tells the progress once a page is saved whole.
   */
  private final class Saves {
    private final BatchWriter writer;
    private SaveCounts counts = SaveCounts.NONE;
    private final List<Rejection> rejections = new ArrayList<>();
    private long pages;

    Saves(BatchWriter writer) {
      this.writer = writer;
    }

    void submit(CtgovClient.Page page, Long totalCount) {
      rejections.addAll(page.rejections());
      long rejected = rejections.size(); // up to this page, whenever its save is told
      List<Trial> trials = page.trials();
      int batch = TrialImporter.DEFAULT_BATCH_SIZE;
      int from = 0;
      do { // an empty page too, so pages are told in order
        int to = Math.min(trials.size(), from + batch);
        boolean last = to == trials.size();
        writer.submit(
            trials.subList(from, to),
            saved -> {
              counts = counts.plus(saved);
              if (last) {
                pages++;
                progress.page(pages, counts, rejected, totalCount);
              }
            });
        from = to;
      } while (from < trials.size());
    }
  }
}
