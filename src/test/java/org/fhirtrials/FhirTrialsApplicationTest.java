package org.fhirtrials;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FhirTrialsApplicationTest {
  @Test
  void leadingServeIsNotPassedToSpring() {
    assertThat(FhirTrialsApplication.serverArgs(new String[] {"serve", "--server.port=9090"}))
        .containsExactly("--server.port=9090");
  }

  @Test
  void optionsWithoutCommandGoToSpringUnchanged() {
    assertThat(FhirTrialsApplication.serverArgs(new String[] {"--server.port=9090"}))
        .containsExactly("--server.port=9090");
    assertThat(FhirTrialsApplication.serverArgs(new String[0])).isEmpty();
  }
}
