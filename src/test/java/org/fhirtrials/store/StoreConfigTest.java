package org.fhirtrials.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class StoreConfigTest {
  @Test
  void memoryIsTheDefaultStore() {
    assertThat(StoreConfig.create(new MockEnvironment())).isInstanceOf(InMemoryTrialStore.class);
    assertThat(StoreConfig.create(env(" Memory "))).isInstanceOf(InMemoryTrialStore.class);
  }

  @Test
  void postgresWithoutAUrlSaysWhichPropertyIsMissing() {
    assertThatThrownBy(() -> StoreConfig.create(env("postgres")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("spring.datasource.url");
  }

  @Test
  void postgresWithAnUnreachableDatabaseNamesIt() {
    MockEnvironment env =
        env("postgres")
            .withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/nowhere")
            .withProperty("spring.datasource.hikari.connection-timeout", "250")
            .withProperty("spring.datasource.hikari.initialization-fail-timeout", "-1");

    assertThatThrownBy(() -> StoreConfig.create(env))
        .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/nowhere");
  }

  @Test
  void unknownStoreIsNamed() {
    assertThatThrownBy(() -> StoreConfig.create(env("mongo")))
        .hasMessageContaining("'mongo'")
        .hasMessageContaining("postgres");
  }

  private static MockEnvironment env(String store) {
    return new MockEnvironment().withProperty(StoreConfig.PROPERTY, store);
  }
}
