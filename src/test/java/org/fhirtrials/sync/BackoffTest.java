package org.fhirtrials.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Duration INITIAL = Duration.ofSeconds(1);
  private static final Duration MAX = Duration.ofSeconds(30);

  @Test
  void doublesEachAttemptWithinTheJitterBandUpToTheMaximum() {
    Backoff low = new Backoff(INITIAL, MAX, () -> 0.0);
    Backoff high = new Backoff(INITIAL, MAX, () -> 0.999999);
    long[] expected = {1000, 2000, 4000, 8000, 16000, 30000, 30000};
    for (int attempt = 1; attempt <= expected.length; attempt++) {
      long full = expected[attempt - 1];
      assertThat(low.delay(attempt, null).toMillis()).isEqualTo(full / 2);
      assertThat(high.delay(attempt, null).toMillis()).isBetween(full - 1, full);
    }
    assertThat(low.delay(200, null).toMillis()).isEqualTo(15000); // no overflow
  }

  @Test
  void retryAfterIsAFloorCappedAtTheMaximum() {
    Backoff backoff = new Backoff(INITIAL, MAX, () -> 0.0);
    assertThat(backoff.delay(1, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
    assertThat(backoff.delay(6, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(15));
    assertThat(backoff.delay(1, Duration.ofHours(2))).isEqualTo(MAX);
  }

  @Test
  void readsRetryAfterAsSecondsOrAnHttpDate() {
    assertThat(CtgovClient.parseRetryAfter("120")).isEqualTo(Duration.ofSeconds(120));
    assertThat(CtgovClient.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"))
        .isEqualTo(Duration.ZERO); // in the past
    assertThat(CtgovClient.parseRetryAfter("soon")).isNull();
  }
}
