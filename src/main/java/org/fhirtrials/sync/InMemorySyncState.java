package org.fhirtrials.sync;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The watermark of an in-memory store, which lives as long as the store does. */
public final class InMemorySyncState implements SyncState {
  private final Map<String, Instant> watermarks = new ConcurrentHashMap<>();

  @Override
  public Optional<Instant> watermark(String key) {
    return Optional.ofNullable(watermarks.get(key));
  }

  @Override
  public void advance(String key, Instant watermark) {
    watermarks.merge(key, watermark, (a, b) -> a.isAfter(b) ? a : b);
  }
}
