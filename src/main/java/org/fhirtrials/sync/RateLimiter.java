package org.fhirtrials.sync;

import java.util.Objects;

/**
 * A token bucket: {@code burst} requests may go at once, then one every {@code 1/rate} seconds. A
 * caller that finds the bucket empty reserves the next token (the bucket goes into debt) and sleeps
 * until it is due, so concurrent callers are spaced too and never starve.
 */
public final class RateLimiter {
  /** Time and sleeping, replaceable in tests. */
  public interface Ticker {
    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;

    Ticker SYSTEM =
        new Ticker() {
          @Override
          public long nanoTime() {
            return System.nanoTime();
          }

          @Override
          public void sleepNanos(long nanos) throws InterruptedException {
            long millis = nanos / 1_000_000;
            Thread.sleep(millis, (int) (nanos % 1_000_000));
          }
        };
  }

  private final double tokensPerNano;
  private final double burst;
  private final Ticker ticker;
  private double tokens;
  private long refilledAt;

  /**
   * @param requestsPerMinute the sustained rate; must be positive
   * @param burst requests allowed at once when the bucket is full (at least 1)
   */
  public RateLimiter(double requestsPerMinute, int burst) {
    this(requestsPerMinute, burst, Ticker.SYSTEM);
  }

  RateLimiter(double requestsPerMinute, int burst, Ticker ticker) {
    if (!(requestsPerMinute > 0) || Double.isInfinite(requestsPerMinute)) {
      throw new IllegalArgumentException(
          "requests per minute must be a positive number: " + requestsPerMinute);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1: " + burst);
    }
    this.tokensPerNano = requestsPerMinute / 60e9;
    this.burst = burst;
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.tokens = burst;
    this.refilledAt = ticker.nanoTime();
  }

  /** Blocks until the caller may send one request. */
  public void acquire() throws InterruptedException {
    long wait = reserve();
    if (wait > 0) {
      ticker.sleepNanos(wait);
    }
  }

  /** Takes a token, going into debt if there is none; returns how long to wait for it. */
  synchronized long reserve() {
    long now = ticker.nanoTime();
    tokens = Math.min(burst, tokens + (now - refilledAt) * tokensPerNano);
    refilledAt = now;
    tokens -= 1;
    return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / tokensPerNano);
  }
}
