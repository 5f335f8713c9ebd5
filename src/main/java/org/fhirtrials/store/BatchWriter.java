package org.fhirtrials.store;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.fhirtrials.model.Trial;

/**
 * Saves batches of trials with {@link TrialStore#saveAll} on writer threads while the caller reads
 * the next batch: the importer and the registry sync both write through it.
 *
 * <p>Up to {@code inFlight} batches are saved at once, each in its own transaction on PostgreSQL,
 * so one batch's mapping and extraction (the writer's CPU) overlaps another's inserts (the
 * database's). A batch that shares a trial with a batch still being saved waits for it, so the
 * saves of one trial happen in the order it was read; batches of different trials may commit in any
 * order, which changes nothing in the end (each save is idempotent, and a crash leaves whole
 * batches for a re-run to complete). At most {@code inFlight} batches plus the one the caller fills
 * are in memory.
 *
 * <p>Completions are reported on the caller's thread, in submission order.
 */
public final class BatchWriter implements AutoCloseable {
  /**
   * Batches saved at once by default: two keep both cores busy on a two-core machine (one batch
   * mapped and extracted while the other is written); more only add memory.
   */
  public static final int DEFAULT_IN_FLIGHT = 2;

  private record Pending(Future<SaveCounts> saved, Set<String> ids, Consumer<SaveCounts> done) {}

  private final TrialStore store;
  private final int inFlight;
  private final ExecutorService writers;
  private final Deque<Pending> pending = new ArrayDeque<>();

  /**
   * @param threadName the writer threads' name (numbered)
   */
  public BatchWriter(TrialStore store, int inFlight, String threadName) {
    if (inFlight < 1) {
      throw new IllegalArgumentException("batches in flight must be at least 1: " + inFlight);
    }
    this.store = Objects.requireNonNull(store, "store");
    this.inFlight = inFlight;
    AtomicInteger n = new AtomicInteger();
    this.writers =
        Executors.newFixedThreadPool(
            inFlight,
            r -> {
              Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Hands a batch to a writer, first waiting (and reporting) while {@code inFlight} batches are
   * being saved or one of them holds a trial of this batch.
   *
   * @param done told the batch's counts once it and every batch submitted before it are saved
   * @throws RuntimeException the failure of an earlier batch, as the store threw it
   */
  public void submit(List<Trial> batch, Consumer<SaveCounts> done) {
    Set<String> ids = new HashSet<>();
    batch.forEach(t -> ids.add(t.nctId()));
    while (pending.size() >= inFlight || sharesTrial(ids)) {
      completeOldest();
    }
    pending.add(new Pending(writers.submit(() -> store.saveAll(batch)), ids, done));
  }

  /** Waits for every batch submitted, reporting each. */
  public void await() {
    while (!pending.isEmpty()) {
      completeOldest();
    }
  }

  /**
   * Waits for the batches in flight after a failure elsewhere, so what was read whole is saved;
   * their own failures are added to {@code failure}.
   */
  public void finishAfter(RuntimeException failure) {
    while (!pending.isEmpty()) {
      try {
        completeOldest();
      } catch (RuntimeException saveFailure) {
        failure.addSuppressed(saveFailure);
      }
    }
  }

  private boolean sharesTrial(Set<String> ids) {
    for (Pending p : pending) {
      for (String id : ids) {
        if (p.ids().contains(id)) {
          return true;
        }
      }
    }
    return false;
  }

  private void completeOldest() {
    Pending p = pending.removeFirst();
    SaveCounts counts;
    try {
      counts = p.saved().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("saving a batch failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while saving a batch", e);
    }
    p.done().accept(counts);
  }

  /** Stops the writers; a batch still being saved is interrupted (its transaction rolls back). */
  @Override
  public void close() {
    writers.shutdownNow();
  }
}
