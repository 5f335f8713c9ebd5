package org.fhirtrials.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fhirtrials.ingest.IngestSummary;
import org.fhirtrials.ingest.TrialReader;
import org.fhirtrials.model.Trial;

/**
 * Streams registry records from files, directories and zips into a store in batches. Memory stays
 * flat: the reader parses one record at a time and at most three batches are held. Each batch is
 * saved * with {@link TrialStore#saveAll}, one transaction on PostgreSQL, so a crash leaves whole
 * batches and a re-run (saves are idempotent) completes the import with nothing duplicated or lost.
 *
 * <p>Parsing and writing overlap: {@link BatchWriter} saves up to two batches at once while the
 * caller's thread parses the next (saves of one trial stay in the order it was read).
 */
public final class TrialImporter {
  /**
   * Trials per transaction. Three batches are in memory (two written, one parsed): 200 keeps the
   * live heap of a 128 MB importer well below the cap (500 made G1 collect so often that it cost
   * more than the extra round trips of smaller batches save; docs/benchmarks.md).
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
    try (BatchWriter writer =
        new BatchWriter(store, BatchWriter.DEFAULT_IN_FLIGHT, "import-writer")) {
      Batcher batcher = new Batcher(writer);
      IngestSummary read = new TrialReader().read(paths, batcher::add);
      batcher.finish();
      if (batcher.counts.inserted() + batcher.counts.updated() > 0) {
        store.afterBulkWrite();
      }
      return new ImportReport(
          batcher.counts, read.rejections(), Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /** Collects records into batches and hands each full one to the writer. */
  private final class Batcher {
    private final BatchWriter writer;
    private List<Trial> batch = new ArrayList<>(batchSize);
    private SaveCounts counts = SaveCounts.NONE;
    private String lastFile;
    private long files;

    Batcher(BatchWriter writer) {
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
      writer.await();
    }

    private void submit() {
      if (batch.isEmpty()) {
        return;
      }
      long filesReached = files;
      writer.submit(
          batch,
          saved -> {
            counts = counts.plus(saved);
            progress.saved(counts.total(), filesReached);
          });
      batch = new ArrayList<>(batchSize);
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
