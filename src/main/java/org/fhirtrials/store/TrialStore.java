package org.fhirtrials.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.fhirtrials.model.Trial;

/**
 * Where trials live (DESIGN D6), at the level of the domain model: no FHIR types, no storage
 * details. The in-memory store is the embedded default; {@code
 * org.fhirtrials.store.postgres.PostgresTrialStore} is the persistent one. Both pass {@code
 * TrialStoreContract}.
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
   * The stored records of these trials (unknown ids left out), in no particular order: what {@link
   * #get} answers for each, which a store may read in one round trip.
   */
  default List<StoredTrial> getAll(Collection<String> nctIds) {
    List<StoredTrial> out = new ArrayList<>();
    for (String id : nctIds) {
      get(id).ifPresent(out::add);
    }
    return out;
  }

  /**
   * The current version of each of these trials that is stored (unknown ids left out): cheap to
   * ask, so a cache of derived data keyed by version need not read the records themselves.
   */
  default Map<String, Long> versions(Collection<String> nctIds) {
    Map<String, Long> out = new HashMap<>();
    for (StoredTrial t : getAll(nctIds)) {
      out.put(t.nctId(), t.versionId());
    }
    return out;
  }

  /**
   * Every stored record, ordered by NCT id: a snapshot that later saves do not change, so a search
   * result paged over it stays stable.
   */
  List<StoredTrial> all();

  /** How many trials are stored. */
  int size();

  /** {@link #revision()} of a store that cannot tell cheaply. */
  long NO_REVISION = Long.MIN_VALUE;

  /**
   * A number that changes whenever a trial is saved as a new version (or removed), cheap to ask, so
   * that a cache of derived data (compiled criteria) knows when to re-read {@link #all()}; {@link
   * #NO_REVISION} when the store cannot tell (callers then re-read, or rely on {@link #onChange}).
   */
  default long revision() {
    return NO_REVISION;
  }

  /**
   * Registers a callback run after each save that stored a new version (for search indexes).
   *
   * @return false when this store cannot notify; callers must then re-read {@link #all()}
   */
  default boolean onChange(Consumer<StoredTrial> listener) {
    return false;
  }

  /**
   * Saves the trials in order, as {@link #save} would one by one. A store may do it in one
   * transaction (all or nothing), which the importer relies on to resume after a crash.
   */
  default SaveCounts saveAll(List<Trial> trials) {
    long inserted = 0;
    long updated = 0;
    long unchanged = 0;
    for (Trial trial : trials) {
      Optional<StoredTrial> before = get(trial.nctId());
      StoredTrial after = save(trial);
      if (before.isEmpty()) {
        inserted++;
      } else if (before.get().versionId() != after.versionId()) {
        updated++;
      } else {
        unchanged++;
      }
    }
    return new SaveCounts(inserted, updated, unchanged);
  }

  /**
   * Called after a bulk write (an import) changed trials: a store may tidy up for reading, such as
   * refreshing planner statistics. Not required for correctness.
   */
  default void afterBulkWrite() {}

  /**
   * Hands every stored record to the action, ordered by NCT id, from one consistent snapshot.
   * Unlike {@link #all} a store may stream, so the whole registry need not be in memory at once.
   */
  default void forEachTrial(Consumer<StoredTrial> action) {
    all().forEach(action);
  }
}
