package org.fhirtrials.cds.security;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Remembers each token id ({@code jti}, per issuer) until the token could no longer be accepted, so
 * that a captured token cannot be replayed. Bounded in time (entries leave when their token has
 * expired) and in size (when full of live entries it refuses new ones rather than forgetting live
 * ones, which would re-open the replay window). Thread-safe; all operations hold one lock and are
 * O(log n).
 */
final class JtiReplayCache implements SpentTokenIds {

  /** Outcome of {@link #register}. */
  enum Outcome {
    FIRST_USE,
    REPLAYED,
    FULL
  }

  private record Entry(String key, Instant forgetAfter) {}

  private final int maxEntries;
  private final Clock clock;
  private final Map<String, Instant> live = new HashMap<>();
  private final PriorityQueue<Entry> byExpiry =
      new PriorityQueue<>((a, b) -> a.forgetAfter().compareTo(b.forgetAfter()));

  JtiReplayCache(int maxEntries, Clock clock) {
    if (maxEntries <= 0) {
      throw new IllegalArgumentException("replay cache size must be positive: " + maxEntries);
    }
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  /**
   * Records {@code jti} of {@code issuer} as used until {@code forgetAfter}, unless it was already
   * used and is still remembered.
   */
  @Override
  public synchronized Outcome register(String issuer, String jti, Instant forgetAfter) {
    purgeExpired(clock.instant());
    String key = issuer + '\u0000' + jti;
    if (live.containsKey(key)) {
      return Outcome.REPLAYED;
    }
    if (live.size() >= maxEntries) {
      return Outcome.FULL;
    }
    live.put(key, forgetAfter);
    byExpiry.add(new Entry(key, forgetAfter));
    return Outcome.FIRST_USE;
  }

  synchronized int size() {
    purgeExpired(clock.instant());
    return live.size();
  }

  private void purgeExpired(Instant now) {
    while (!byExpiry.isEmpty() && byExpiry.peek().forgetAfter().isBefore(now)) {
      live.remove(byExpiry.poll().key());
    }
  }
}
