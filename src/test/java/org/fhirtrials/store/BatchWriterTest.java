package org.fhirtrials.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fhirtrials.store.TrialStoreContract.trial;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.fhirtrials.model.Trial;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchWriterTest {
  private final InMemoryTrialStore memory = new InMemoryTrialStore();
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<String> started = Collections.synchronizedList(new ArrayList<>());

  /** A store whose batch saves wait for {@link #release} and fail for a trial titled "fail". */
  private final TrialStore gated =
      new ForwardingTrialStore(memory) {
        @Override
        public SaveCounts saveAll(List<Trial> trials) {
          started.add(trials.get(0).nctId());
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          if (trials.stream().anyMatch(t -> t.title().equals("fail"))) {
            throw new IllegalStateException("cannot save " + trials.get(0).nctId());
          }
          return memory.saveAll(trials);
        }
      };

  private final BatchWriter writer = new BatchWriter(gated, 2, "test-writer");
  private final List<SaveCounts> done = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void close() {
    release.countDown();
    writer.close();
  }

  @Test
  void savesBatchesOfDifferentTrialsAtOnceAndReportsThemInOrder() throws Exception {
    writer.submit(List.of(trial("NCT00000001", "a"), trial("NCT00000002", "b")), done::add);
    writer.submit(List.of(trial("NCT00000003", "c")), done::add);

    awaitStarted(2);
    assertThat(done).isEmpty();
    release.countDown();
    writer.await();

    assertThat(done).containsExactly(new SaveCounts(2, 0, 0), new SaveCounts(1, 0, 0));
    assertThat(memory.size()).isEqualTo(3);
  }

  @Test
  void aBatchHoldingATrialOfABatchInFlightWaitsForIt() throws Exception {
    writer.submit(List.of(trial("NCT00000001", "first"), trial("NCT00000002", "a")), done::add);
    awaitStarted(1);
    CompletableFuture<Void> second =
        CompletableFuture.runAsync(
            () -> writer.submit(List.of(trial("NCT00000001", "second")), done::add));

    Thread.sleep(300);
    assertThat(started).containsExactly("NCT00000001");
    assertThat(second).isNotDone();
    release.countDown();
    second.get(10, TimeUnit.SECONDS);
    writer.await();

    // saved in the order read: the later record is the stored one
    assertThat(memory.get("NCT00000001").orElseThrow().trial().title()).isEqualTo("second");
    assertThat(memory.get("NCT00000001").orElseThrow().versionId()).isEqualTo(2);
    assertThat(done).containsExactly(new SaveCounts(2, 0, 0), new SaveCounts(0, 1, 0));
  }

  @Test
  void aFailedBatchReachesTheCallerAndTheBatchesAfterItAreStillSaved() {
    writer.submit(List.of(trial("NCT00000001", "fail")), done::add);
    writer.submit(List.of(trial("NCT00000002", "b")), done::add);
    release.countDown();
    RuntimeException fetchFailed = new IllegalStateException("the next page could not be read");

    writer.finishAfter(fetchFailed);

    assertThat(fetchFailed.getSuppressed())
        .singleElement()
        .satisfies(e -> assertThat(e).hasMessage("cannot save NCT00000001"));
    assertThat(memory.get("NCT00000002")).isPresent();
    assertThat(done).containsExactly(new SaveCounts(1, 0, 0));
  }

  @Test
  void awaitThrowsTheFailureOfABatch() {
    writer.submit(List.of(trial("NCT00000001", "fail")), done::add);
    release.countDown();

    assertThatThrownBy(writer::await)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("cannot save NCT00000001");
    assertThat(done).isEmpty();
  }

  private void awaitStarted(int batches) throws InterruptedException {
    for (int i = 0; i < 200 && started.size() < batches; i++) {
      Thread.sleep(25);
    }
    assertThat(started).hasSize(batches);
  }
}
