package org.fhirtrials.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.fhirtrials.model.Trial;
import org.junit.jupiter.api.Test;

class InMemoryTrialStoreTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-02T03:04:05.678Z"));
  private final InMemoryTrialStore store = new InMemoryTrialStore(clock);

  @Test
  void newTrialIsVersionOneStampedToTheSecond() {
    StoredTrial stored = store.save(trial("NCT00000001", "First"));

    assertThat(stored.versionId()).isEqualTo(1);
    assertThat(stored.lastUpdated()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
    assertThat(store.get("NCT00000001")).contains(stored);
  }

  @Test
  void savingAnEqualTrialKeepsVersionAndTimestamp() {
    StoredTrial first = store.save(trial("NCT00000001", "First"));
    clock.set(Instant.parse("2025-02-01T00:00:00Z"));

    StoredTrial again = store.save(trial("NCT00000001", "First"));

    assertThat(again).isEqualTo(first);
    assertThat(again.versionId()).isEqualTo(1);
  }

  @Test
  void savingAChangedTrialBumpsVersionAndTimestamp() {
    store.save(trial("NCT00000001", "First"));
    clock.set(Instant.parse("2025-02-01T00:00:00Z"));

    StoredTrial changed = store.save(trial("NCT00000001", "First, amended"));

    assertThat(changed.versionId()).isEqualTo(2);
    assertThat(changed.lastUpdated()).isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
    assertThat(store.get("NCT00000001").orElseThrow().trial().briefTitle())
        .isEqualTo("First, amended");
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void allIsOrderedByNctIdAndUnaffectedByLaterSaves() {
    store.save(trial("NCT00000003", "C"));
    store.save(trial("NCT00000001", "A"));
    List<StoredTrial> snapshot = store.all();

    store.save(trial("NCT00000002", "B"));

    assertThat(snapshot)
        .extracting(StoredTrial::nctId)
        .containsExactly("NCT00000001", "NCT00000003");
    assertThat(store.all())
        .extracting(StoredTrial::nctId)
        .containsExactly("NCT00000001", "NCT00000002", "NCT00000003");
  }

  @Test
  void unknownIdIsEmpty() {
    assertThat(store.get("NCT09999999")).isEmpty();
    assertThat(store.get(null)).isEmpty();
  }

  @Test
  void concurrentChangesToOneTrialNeverLoseAVersion() throws Exception {
    int writers = 8;
    int savesEach = 200;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done =
          IntStream.range(0, writers)
              .<Future<?>>mapToObj(
                  w ->
                      pool.submit(
                          () -> {
                            for (int i = 0; i < savesEach; i++) {
                              store.save(trial("NCT00000001", "writer " + w + " save " + i));
                            }
                          }))
              .toList();
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    // Every save changes the title, so every one of them is a new version.
    assertThat(store.get("NCT00000001").orElseThrow().versionId()).isEqualTo(writers * savesEach);
  }

  private static Trial trial(String id, String title) {
    return Trial.builder(id).briefTitle(title).build();
  }

  private static final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    MutableClock(Instant start) {
      now = new AtomicReference<>(start);
    }

    void set(Instant instant) {
      now.set(instant);
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
