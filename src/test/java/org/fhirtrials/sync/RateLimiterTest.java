package org.fhirtrials.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  /** A clock that only moves when the limiter sleeps or the test says so. */
  private static final class FakeTicker implements RateLimiter.Ticker {
    long now = 1_000_000_000L;
    final List<Long> sleeps = new ArrayList<>();

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleepNanos(long nanos) {
      sleeps.add(nanos);
      now += nanos;
    }
  }

  private static final long SECOND = 1_000_000_000L;

  @Test
  void spacesRequestsOneIntervalApartAfterTheBurst() throws Exception {
    FakeTicker ticker = new FakeTicker();
    RateLimiter limiter = new RateLimiter(60, 2, ticker); // one a second, two at once
    List<Long> sent = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      limiter.acquire();
      sent.add(ticker.now);
    }
    assertThat(sent.get(1) - sent.get(0)).isZero();
    for (int i = 2; i < 5; i++) {
      assertThat(sent.get(i) - sent.get(i - 1)).isBetween(SECOND - 1, SECOND + 1);
    }
  }

  @Test
  void anIdleBucketRefillsOnlyUpToTheBurst() throws Exception {
    FakeTicker ticker = new FakeTicker();
    RateLimiter limiter = new RateLimiter(60, 3, ticker);
    for (int i = 0; i < 3; i++) {
      limiter.acquire();
    }
    ticker.now += 100 * SECOND; // idle long enough for 100 tokens
    ticker.sleeps.clear();
    for (int i = 0; i < 3; i++) {
      limiter.acquire();
    }
    assertThat(ticker.sleeps).isEmpty();
    limiter.acquire();
    assertThat(ticker.sleeps).hasSize(1);
    assertThat(ticker.sleeps.get(0)).isBetween(SECOND - 1, SECOND + 1);
  }

  @Test
  void callersArrivingTogetherQueueInsteadOfAllGoingAtOnce() {
    FakeTicker ticker = new FakeTicker();
    RateLimiter limiter = new RateLimiter(120, 1, ticker); // one every half second
    assertThat(limiter.reserve()).isZero();
    assertThat(limiter.reserve()).isBetween(SECOND / 2 - 1, SECOND / 2 + 1);
    assertThat(limiter.reserve()).isBetween(SECOND - 1, SECOND + 1);
  }

  @Test
  void rejectsANonPositiveRate() {
    assertThatThrownBy(() -> new RateLimiter(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RateLimiter(50, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
