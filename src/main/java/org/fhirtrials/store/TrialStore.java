package org.fhirtrials.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.fhirtrials.model.Trial;

/**
 * Where trials live (DESIGN D6), at the level of the domain model: no FHIR types, no storage
 * details. The in-memory store is the embedded default; a PostgreSQL store comes later behind the
 * same interface.
 */
public interface TrialStore {
  /**
   * Stores the trial, keyed by its NCT id. Idempotent: saving a trial equal to the stored one keeps
   * its version and timestamp; a changed trial gets the next version.
   *
   * @return the record as stored now
   */
  StoredTrial save(Trial trial);

  /** The stored record of the trial, if any. */
  Optional<StoredTrial> get(String nctId);

  /**
   * Every stored record, ordered by NCT id: a snapshot that later saves do not change, so a search
   * result paged over it stays stable.
   */
  List<StoredTrial> all();

  /** How many trials are stored. */
  int size();

  /**
   * Registers a callback run after each save that stored a new version (for search indexes).
   *
   * @return false when this store cannot notify; callers must then re-read {@link #all()}
   */
  default boolean onChange(Consumer<StoredTrial> listener) {
    return false;
  }
}
