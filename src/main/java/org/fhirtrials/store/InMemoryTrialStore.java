package org.fhirtrials.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.fhirtrials.model.Trial;

/**
 * A thread-safe {@link TrialStore} in memory. Records are immutable values in a hash map (read by
 * id: a search page reads each of its trials) mirrored in a sorted map (read in NCT id order);
 * {@link #save} replaces a record atomically, so readers never see a half-written trial.
 */
public final class InMemoryTrialStore implements TrialStore {
  private final ConcurrentHashMap<String, StoredTrial> trials = new ConcurrentHashMap<>();

  /** {@link #trials} in NCT id order, written under the hash map's lock of the same id. */
  private final ConcurrentSkipListMap<String, StoredTrial> ordered = new ConcurrentSkipListMap<>();

  private final Clock clock;
  private final List<Consumer<StoredTrial>> listeners = new CopyOnWriteArrayList<>();

  public InMemoryTrialStore() {
    this(Clock.systemUTC());
  }

  public InMemoryTrialStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public StoredTrial save(Trial trial) {
    Objects.requireNonNull(trial, "trial");
    StoredTrial before = trials.get(trial.nctId());
    StoredTrial saved =
        trials.compute(
            trial.nctId(),
            (id, previous) -> {
              StoredTrial next;
              if (previous == null) {
                next = new StoredTrial(trial, 1, now());
              } else if (previous.trial().equals(trial)) {
                return previous;
              } else {
                next = new StoredTrial(trial, previous.versionId() + 1, now());
              }
              ordered.put(id, next);
              return next;
            });
    if (saved != before) {
      listeners.forEach(l -> l.accept(saved));
    }
    return saved;
  }

  @Override
  public boolean onChange(Consumer<StoredTrial> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return true;
  }

  @Override
  public Optional<StoredTrial> get(String nctId) {
    return nctId == null ? Optional.empty() : Optional.ofNullable(trials.get(nctId));
  }

  @Override
  public List<StoredTrial> all() {
    return List.copyOf(ordered.values());
  }

  @Override
  public int size() {
    return trials.size();
  }

  /** HTTP dates have second precision; truncate so Last-Modified and meta.lastUpdated agree. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
