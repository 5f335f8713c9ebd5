package org.fhirtrials.sync;

import java.time.Instant;
import java.util.Optional;
import org.fhirtrials.store.TrialStore;
import org.fhirtrials.store.postgres.PostgresTrialStore;

/**
 * Where the sync watermark lives: the start time of the last run that completed, per {@link
 * SyncOptions#stateKey() source and filter set}. It is written only when a whole run has completed,
 * so a run that fails leaves it as it was and the next run fetches the same window again.
 */
public interface SyncState {
  /** The watermark of the last completed run with this key, if any. */
  Optional<Instant> watermark(String key);

  /** Records a completed run; a watermark never moves back. */
  void advance(String key, Instant watermark);

  /**
   * The state kept with the store: the {@code sync_state} table of a PostgreSQL store; in memory
   * for the in-memory store (whose trials are gone when the process ends, so its next run must
   * fetch everything anyway).
   */
  static SyncState forStore(TrialStore store) {
    if (store instanceof PostgresTrialStore postgres) {
      return new PostgresSyncState(postgres.dataSource());
    }
    return new InMemorySyncState();
  }
}
