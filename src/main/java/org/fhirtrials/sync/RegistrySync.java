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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fhirtrials.ingest.Rejection;
import org.fhirtrials.model.Trial;
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
 * each on PostgreSQL) once it has been read whole, on a writer thread while the next page is
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
    ExecutorService writer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "sync-writer");
              t.setDaemon(true);
              return t;
            });
    try {
      Writer saves = new Writer(writer);
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
        saves.finish(e); // keep the page already read whole
        throw e;
      }
      saves.await();
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
    } finally {
      writer.shutdownNow();
    }
  }

  /**
   * Saves pages on one writer thread, in order, at most one in flight: page n is saved while page
   * n+1 is fetched, as the importer overlaps parsing and writing.
   */
  private final class Writer {
    private final ExecutorService executor;
    private Future<SaveCounts> pending;
    private Long pendingTotal;
    private SaveCounts counts = SaveCounts.NONE;
    private final List<Rejection> rejections = new ArrayList<>();
    private long pages;

    Writer(ExecutorService executor) {
      this.executor = executor;
    }

    void submit(CtgovClient.Page page, Long totalCount) {
      await();
      List<Trial> trials = page.trials();
      rejections.addAll(page.rejections());
      pendingTotal = totalCount;
      pending = executor.submit(() -> save(trials));
    }

    /** Waits for the page in flight after a failure; its own failure is added to {@code e}. */
    void finish(RuntimeException e) {
      try {
        await();
      } catch (RuntimeException saveFailure) {
        e.addSuppressed(saveFailure);
      }
    }

    void await() {
      if (pending == null) {
        return;
      }
      try {
        counts = counts.plus(pending.get());
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new SyncException("saving a page failed: " + e.getCause(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SyncException("interrupted while saving a page", e);
      } finally {
        pending = null;
      }
      pages++;
      progress.page(pages, counts, rejections.size(), pendingTotal);
    }
  }

  private SaveCounts save(List<Trial> trials) {
    SaveCounts counts = SaveCounts.NONE;
    int batch = TrialImporter.DEFAULT_BATCH_SIZE;
    for (int from = 0; from < trials.size(); from += batch) {
      counts =
          counts.plus(store.saveAll(trials.subList(from, Math.min(trials.size(), from + batch))));
    }
    return counts;
  }
}
