package org.fhirtrials.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.fhirtrials.model.Trial;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TrialStore} does (DESIGN D6). A store implementation passes by extending this
 * class; each test starts from an empty store.
 */
abstract class TrialStoreContract {
  static final Instant START = Instant.parse("2025-01-02T03:04:05.678Z");

  protected final MutableClock clock = new MutableClock(START);
  protected TrialStore store;

  /** An empty store that stamps versions with {@code clock}. */
  protected abstract TrialStore emptyStore(MutableClock clock) throws Exception;

  @BeforeEach
  void emptyStore() throws Exception {
    store = emptyStore(clock);
  }

  @Test
  void newTrialIsVersionOneStampedToTheSecond() {
    StoredTrial stored = store.save(trial("NCT00000001", "First"));

    assertThat(stored.versionId()).isEqualTo(1);
    assertThat(stored.lastUpdated()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
    assertThat(store.get("NCT00000001")).contains(stored);
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void revisionChangesWithEveryNewVersionAndOnlyThen() {
    long empty = store.revision();
    if (empty == TrialStore.NO_REVISION) {
      return; // a store that cannot tell: callers re-read or rely on onChange
    }
    store.save(trial("NCT00000001", "First"));
    long one = store.revision();
    store.save(trial("NCT00000001", "First"));
    assertThat(store.revision()).isEqualTo(one).isNotEqualTo(empty);
    store.save(trial("NCT00000001", "Changed"));
    long changed = store.revision();
    store.save(trial("NCT00000002", "Second"));
    assertThat(List.of(empty, one, changed, store.revision())).doesNotHaveDuplicates();
  }

  @Test
  void savingAnEqualTrialKeepsVersionAndTimestamp() {
    StoredTrial first = store.save(trial("NCT00000001", "First"));
    clock.set(Instant.parse("2025-02-01T00:00:00Z"));

    StoredTrial again = store.save(trial("NCT00000001", "First"));

    assertThat(again).isEqualTo(first);
    assertThat(store.get("NCT00000001")).contains(first);
  }

  @Test
  void savingAChangedTrialBumpsVersionAndTimestamp() {
    store.save(trial("NCT00000001", "First"));
    clock.set(Instant.parse("2025-02-01T00:00:00Z"));

    StoredTrial changed = store.save(trial("NCT00000001", "First, amended"));

    assertThat(changed.versionId()).isEqualTo(2);
    assertThat(changed.lastUpdated()).isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
    assertThat(store.get("NCT00000001")).contains(changed);
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void changingBackIsAnotherVersionNotARollback() {
    store.save(trial("NCT00000001", "A"));
    store.save(trial("NCT00000001", "B"));

    assertThat(store.save(trial("NCT00000001", "A")).versionId()).isEqualTo(3);
  }

  @Test
  void storedTrialEqualsTheSavedOneInEveryField() {
    Trial full = FullyPopulated.trial("NCT00000042");

    store.save(full);

    assertThat(store.get("NCT00000042").orElseThrow().trial()).isEqualTo(full);
    assertThat(store.all()).extracting(StoredTrial::trial).containsExactly(full);
  }

  @Test
  void getAllAndVersionsAnswerTheStoredTrialsAndSkipUnknownIds() {
    store.save(trial("NCT00000001", "A"));
    store.save(trial("NCT00000002", "B"));
    store.save(trial("NCT00000002", "B, amended"));

    List<String> asked = List.of("NCT00000002", "NCT00000009", "NCT00000001");
    assertThat(store.versions(asked))
        .containsExactlyInAnyOrderEntriesOf(Map.of("NCT00000001", 1L, "NCT00000002", 2L));
    assertThat(store.getAll(asked))
        .containsExactlyInAnyOrder(
            store.get("NCT00000001").orElseThrow(), store.get("NCT00000002").orElseThrow());
    assertThat(store.getAll(List.of())).isEmpty();
    assertThat(store.versions(List.of("NCT00000009"))).isEmpty();
  }

  @Test
  void allIsOrderedByNctIdAndUnaffectedByLaterSaves() {
    store.save(trial("NCT00000003", "C"));
    store.save(trial("NCT00000001", "A"));
    List<StoredTrial> snapshot = store.all();

    store.save(trial("NCT00000002", "B"));
    store.save(trial("NCT00000001", "A, amended"));

    assertThat(snapshot)
        .extracting(StoredTrial::nctId)
        .containsExactly("NCT00000001", "NCT00000003");
    assertThat(snapshot.get(0).trial().briefTitle()).isEqualTo("A");
    assertThat(store.all())
        .extracting(StoredTrial::nctId)
        .containsExactly("NCT00000001", "NCT00000002", "NCT00000003");
  }

  @Test
  void forEachTrialVisitsWhatAllReturnsInOrder() {
    for (int i = 30; i > 0; i--) {
      store.save(trial(String.format("NCT%08d", i), "T" + i));
    }
    List<StoredTrial> visited = new ArrayList<>();

    store.forEachTrial(visited::add);

    assertThat(visited).isEqualTo(store.all()).hasSize(30);
  }

  @Test
  void unknownIdIsEmpty() {
    assertThat(store.get("NCT09999999")).isEmpty();
    assertThat(store.get(null)).isEmpty();
    assertThat(store.size()).isZero();
    assertThat(store.all()).isEmpty();
  }

  @Test
  void saveAllCountsInsertedUpdatedAndUnchanged() {
    store.save(trial("NCT00000001", "A"));
    store.save(trial("NCT00000002", "B"));

    SaveCounts counts =
        store.saveAll(
            List.of(
                trial("NCT00000001", "A"),
                trial("NCT00000002", "B, amended"),
                trial("NCT00000003", "C")));

    assertThat(counts).isEqualTo(new SaveCounts(1, 1, 1));
    assertThat(store.get("NCT00000002").orElseThrow().versionId()).isEqualTo(2);
    assertThat(store.size()).isEqualTo(3);
  }

  @Test
  void saveAllWithARepeatedIdSavesBothInOrder() {
    SaveCounts counts =
        store.saveAll(
            List.of(
                trial("NCT00000001", "A"),
                trial("NCT00000001", "A, amended"),
                trial("NCT00000001", "A, amended")));

    assertThat(counts).isEqualTo(new SaveCounts(1, 1, 1));
    StoredTrial stored = store.get("NCT00000001").orElseThrow();
    assertThat(stored.versionId()).isEqualTo(2);
    assertThat(stored.trial().briefTitle()).isEqualTo("A, amended");
  }

  @Test
  void savingTheSameBatchTwiceChangesNothing() {
    List<Trial> batch = IntStream.range(0, 50).mapToObj(i -> FullyPopulated.trial(nct(i))).toList();
    store.saveAll(batch);
    List<StoredTrial> before = store.all();
    clock.set(Instant.parse("2025-03-01T00:00:00Z"));

    SaveCounts again = store.saveAll(batch);

    assertThat(again).isEqualTo(new SaveCounts(0, 0, 50));
    assertThat(store.all()).isEqualTo(before);
  }

  @Test
  void concurrentChangesToOneTrialNeverLoseAVersion() throws Exception {
    int writers = 8;
    int savesEach = 40;
    runConcurrently(
        writers,
        w -> {
          for (int i = 0; i < savesEach; i++) {
            store.save(trial("NCT00000001", "writer " + w + " save " + i));
          }
        });

    // Every save changes the title, so every one of them is a new version.
    assertThat(store.get("NCT00000001").orElseThrow().versionId()).isEqualTo(writers * savesEach);
  }

  @Test
  void concurrentEqualSavesMakeOneVersion() throws Exception {
    Trial trial = FullyPopulated.trial("NCT00000007");
    runConcurrently(
        8,
        w -> {
          for (int i = 0; i < 20; i++) {
            assertThat(store.save(trial).versionId()).isEqualTo(1);
          }
        });

    assertThat(store.size()).isEqualTo(1);
    assertThat(store.get("NCT00000007").orElseThrow().versionId()).isEqualTo(1);
  }

  @Test
  void concurrentBatchesOfOverlappingTrialsLoseNothing() throws Exception {
    runConcurrently(
        4,
        w ->
            store.saveAll(
                IntStream.range(0, 100).mapToObj(i -> trial(nct(i), "same for all")).toList()));

    assertThat(store.size()).isEqualTo(100);
    assertThat(store.all()).allSatisfy(s -> assertThat(s.versionId()).isEqualTo(1));
  }

  static String nct(int i) {
    return String.format("NCT%08d", i);
  }

  static Trial trial(String id, String title) {
    return Trial.builder(id).briefTitle(title).build();
  }

  private interface Writer {
    void write(int writer);
  }

  /** Starts the writers together and waits for all of them; a writer's failure fails the test. */
  private static void runConcurrently(int writers, Writer writer) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done =
          IntStream.range(0, writers)
              .<Future<?>>mapToObj(
                  w ->
                      pool.submit(
                          () -> {
                            start.await();
                            writer.write(w);
                            return null;
                          }))
              .toList();
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
