package org.fhirtrials.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StoreConfigTest {
  private final StoreConfig config = new StoreConfig();

  @Test
  void memoryIsTheEmbeddedStore() {
    assertThat(config.trialStore(" Memory ")).isInstanceOf(InMemoryTrialStore.class);
  }

  @Test
  void postgresFailsClearlyUntilItExists() {
    assertThatThrownBy(() -> config.trialStore("postgres"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fhirtrials.store=postgres is not available")
        .hasMessageContaining("memory");
  }

  @Test
  void unknownStoreIsNamed() {
    assertThatThrownBy(() -> config.trialStore("mongo")).hasMessageContaining("'mongo'");
  }
}
