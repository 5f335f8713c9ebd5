package org.fhirtrials.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fhirtrials.ingest.IngestSummary;
import org.fhirtrials.ingest.TrialReader;
import org.fhirtrials.model.Trial;

/**
 * Streams registry records from files, directories and zips into a store in batches. Memory stays
 * flat: the reader parses one record at a time and at most one batch is held. Each batch is saved
 * with {@link TrialStore#saveAll}, one transaction on PostgreSQL, so a crash leaves whole batches
 * and a re-run (saves are idempotent) completes the import with nothing duplicated or lost.
 *
 * <p>Parsing and writing overlap: one writer thread saves batch n while the caller's thread parses
 * batch n+1 (at most two batches in memory; batches are still saved one after another, in order).
 */
public final class TrialImporter {
  /**
   * Trials per transaction. Two batches are in memory (one parsed, one written): 200 keeps the live
   * heap of a 128 MB importer well below the cap (500 made G1 collect so often that it cost more
   * than the extra round trips of smaller batches save; docs/benchmarks.md).
   */
  public static final int DEFAULT_BATCH_SIZE = 200;

  /** Told after every batch. */
  public interface Progress {
    /**
     * @param studies records read and saved so far
     * @param filesStarted input files (or zip entries) reached so far
     */
    void saved(long studies, long filesStarted);
  }

  private final TrialStore store;
  private final int batchSize;
  private final Progress progress;

  public TrialImporter(TrialStore store, int batchSize, Progress progress) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1: " + batchSize);
    }
    this.store = Objects.requireNonNull(store, "store");
    this.batchSize = batchSize;
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  public ImportReport importPaths(List<Path> paths) {
    long started = System.nanoTime();
    ExecutorService writer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "import-writer");
              t.setDaemon(true);
              return t;
            });
    try {
      Batcher batcher = new Batcher(writer);
      IngestSummary read = new TrialReader().read(paths, batcher::add);
      batcher.finish();
      if (batcher.counts.inserted() + batcher.counts.updated() > 0) {
        store.afterBulkWrite();
      }
      return new ImportReport(
          batcher.counts, read.rejections(), Duration.ofNanos(System.nanoTime() - started));
    } finally {
      writer.shutdownNow();
    }
  }

  /** Collects records into batches and hands each full one to the writer thread. */
  private final class Batcher {
    private final ExecutorService writer;
    private List<Trial> batch = new ArrayList<>(batchSize);
    private SaveCounts counts = SaveCounts.NONE;
    private String lastFile;
    private long files;
    private Future<SaveCounts> pending;
    private long pendingFiles;

    Batcher(ExecutorService writer) {
      this.writer = writer;
    }

    void add(Trial trial) {
      String file = fileOf(trial);
      if (!Objects.equals(file, lastFile)) {
        lastFile = file;
        files++;
      }
      batch.add(trial);
      if (batch.size() >= batchSize) {
        submit();
      }
    }

    void finish() {
      submit();
      awaitPending();
    }

    private void submit() {
      if (batch.isEmpty()) {
        return;
      }
      awaitPending(); // one batch in flight: saves stay in order and memory stays bounded
      List<Trial> full = batch;
      batch = new ArrayList<>(batchSize);
      pendingFiles = files;
      pending = writer.submit(() -> store.saveAll(full));
    }

    private void awaitPending() {
      if (pending == null) {
        return;
      }
      try {
        counts = counts.plus(pending.get());
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("import interrupted", e);
      } finally {
        pending = null;
      }
      progress.saved(counts.total(), pendingFiles);
    }
  }

  /** The file (or zip entry) a record came from: its origin without the position in a page. */
  private static String fileOf(Trial trial) {
    if (trial.source() == null || trial.source().origin() == null) {
      return null;
    }
    String origin = trial.source().origin();
    int hash = origin.indexOf('#');
    return hash < 0 ? origin : origin.substring(0, hash);
  }
}
