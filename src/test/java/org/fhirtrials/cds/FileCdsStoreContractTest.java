package org.fhirtrials.cds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract for the memory store's choice: issued cards in memory, feedback in a file. */
class FileCdsStoreContractTest extends CdsStoreContract {
  @TempDir Path dir;

  @Override
  protected IssuedCards issuedCards() {
    return new InMemoryIssuedCards(100);
  }

  @Override
  protected FeedbackStore feedbackStore() {
    return new FileFeedbackStore(dir);
  }

  @Override
  protected FeedbackStore reopenedFeedbackStore() {
    return new FileFeedbackStore(dir);
  }

  @Test
  void forgetsTheOldestIssuedCardsBeyondCapacity() {
    IssuedCards issued = new InMemoryIssuedCards(2);
    issued.rememberAll(Map.of("1", "NCT1"));
    issued.rememberAll(Map.of("2", "NCT2"));
    issued.rememberAll(Map.of("3", "NCT3"));
    assertThat(issued.trialOf("1")).isNull();
    assertThat(issued.trialOf("3")).isEqualTo("NCT3");
  }
}
