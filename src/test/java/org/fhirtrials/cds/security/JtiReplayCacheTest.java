package org.fhirtrials.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fhirtrials.cds.security.JtiReplayCache.Outcome;
import org.junit.jupiter.api.Test;

class JtiReplayCacheTest {

  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  /** A clock tests move by hand. */
  private static final class ManualClock extends Clock {
    private Instant now = T0;

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void remembersJtiUntilItsTokenHasExpired() {
    var clock = new ManualClock();
    var cache = new JtiReplayCache(10, clock);
    Instant forgetAfter = T0.plus(Duration.ofMinutes(5));

    assertThat(cache.register("iss", "a", forgetAfter)).isEqualTo(Outcome.FIRST_USE);
    clock.advance(Duration.ofMinutes(5));
    assertThat(cache.register("iss", "a", forgetAfter)).isEqualTo(Outcome.REPLAYED);
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.size()).isZero();
    assertThat(cache.register("iss", "a", forgetAfter.plusSeconds(600)))
        .isEqualTo(Outcome.FIRST_USE);
  }

  @Test
  void keepsIssuersApart() {
    var cache = new JtiReplayCache(10, new ManualClock());
    Instant later = T0.plusSeconds(60);

    assertThat(cache.register("https://a.example", "jti-1", later)).isEqualTo(Outcome.FIRST_USE);
    assertThat(cache.register("https://b.example", "jti-1", later)).isEqualTo(Outcome.FIRST_USE);
  }

  @Test
  void refusesNewEntriesWhenFullOfLiveOnesAndRecoversAfterExpiry() {
    var clock = new ManualClock();
    var cache = new JtiReplayCache(2, clock);
    cache.register("iss", "a", T0.plusSeconds(10));
    cache.register("iss", "b", T0.plusSeconds(20));

    assertThat(cache.register("iss", "c", T0.plusSeconds(30))).isEqualTo(Outcome.FULL);
    // Full never means forgotten: the live entries are still refused.
    assertThat(cache.register("iss", "a", T0.plusSeconds(10))).isEqualTo(Outcome.REPLAYED);

    clock.advance(Duration.ofSeconds(11));
    assertThat(cache.register("iss", "c", T0.plusSeconds(30))).isEqualTo(Outcome.FIRST_USE);
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void acceptsEachJtiExactlyOnceUnderConcurrency() throws Exception {
    var cache = new JtiReplayCache(100_000, new ManualClock());
    int threads = 8;
    int jtis = 2_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    var start = new CountDownLatch(1);
    try {
      List<Callable<Integer>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        tasks.add(
            () -> {
              start.await();
              int firstUses = 0;
              for (int i = 0; i < jtis; i++) {
                if (cache.register("iss", "jti-" + i, T0.plusSeconds(60)) == Outcome.FIRST_USE) {
                  firstUses++;
                }
              }
              return firstUses;
            });
      }
      List<Future<Integer>> results = new ArrayList<>();
      for (var task : tasks) {
        results.add(pool.submit(task));
      }
      start.countDown();
      int total = 0;
      for (var result : results) {
        total += result.get();
      }
      assertThat(total).isEqualTo(jtis);
    } finally {
      pool.shutdownNow();
    }
  }
}
