package org.fhirtrials.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.fhirtrials.model.Trial;

/**
 * A thread-safe {@link TrialStore} in memory. Records are immutable values in a sorted concurrent
 * map; {@link #save} replaces a record atomically, so readers never see a half-written trial.
 */
public final class InMemoryTrialStore implements TrialStore {
  private final ConcurrentSkipListMap<String, StoredTrial> trials = new ConcurrentSkipListMap<>();
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
              if (previous == null) {
                return new StoredTrial(trial, 1, now());
              }
              if (previous.trial().equals(trial)) {
                return previous;
              }
              return new StoredTrial(trial, previous.versionId() + 1, now());
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
    return List.copyOf(trials.values());
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
