package org.fhirtrials.store;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>Trials are held {@link PackedTrials packed} (a quarter of the domain objects' heap) and
 * decoded when a reader asks a record for its {@link StoredTrial#trial() trial}; ids, versions and
 * times are answered without decoding. {@link #save} answers, and tells its listeners, the record
 * with the trial it was given.
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
    byte[] packed = PackedTrials.pack(trial);
    StoredTrial before = trials.get(trial.nctId());
    StoredTrial saved =
        trials.compute(
            trial.nctId(),
            (id, previous) -> {
              if (previous != null && Arrays.equals(previous.packedBytes(), packed)) {
                return previous;
              }
              long version = previous == null ? 1 : previous.versionId() + 1;
              StoredTrial next = StoredTrial.packed(id, packed, version, now());
              ordered.put(id, next);
              return next;
            });
    StoredTrial answer = saved.unpacked(trial);
    if (saved != before) {
      listeners.forEach(l -> l.accept(answer));
    }
    return answer;
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
  public Map<String, Long> versions(Collection<String> nctIds) {
    Map<String, Long> out = new HashMap<>();
    for (String id : nctIds) {
      StoredTrial t = id == null ? null : trials.get(id);
      if (t != null) {
        out.put(id, t.versionId());
      }
    }
    return out;
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
