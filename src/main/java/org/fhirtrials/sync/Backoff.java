package org.fhirtrials.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before retrying: exponential ({@code initial * 2^(attempt-1)}, capped at {@code
 * max}) with "equal jitter" (a random point in the upper half), so clients that failed together do
 * not retry together. A server's {@code Retry-After} is a floor, itself capped at {@code max}, so a
 * wild value cannot stall the run.
 */
public final class Backoff {
  private final Duration initial;
  private final Duration max;
  private final DoubleSupplier random;

  public Backoff(Duration initial, Duration max) {
    this(initial, max, Math::random);
  }

  /**
   * @param random uniform in [0, 1)
   */
  Backoff(Duration initial, Duration max, DoubleSupplier random) {
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial backoff must be positive: " + initial);
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max backoff " + max + " is below initial " + initial);
    }
    this.initial = initial;
    this.max = max;
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * The wait before attempt {@code failedAttempt + 1}.
   *
   * @param failedAttempt the attempt that just failed, from 1
   * @param retryAfter what the server asked for, or null
   */
  public Duration delay(int failedAttempt, Duration retryAfter) {
    long maxNanos = max.toNanos();
    int shift = Math.min(Math.max(failedAttempt - 1, 0), 40);
    long exponential =
        initial.toNanos() > (maxNanos >> shift) ? maxNanos : initial.toNanos() << shift;
    long jittered = exponential / 2 + (long) (random.getAsDouble() * (exponential / 2.0));
    long floor = retryAfter == null ? 0 : Math.min(retryAfter.toNanos(), maxNanos);
    return Duration.ofNanos(Math.max(jittered, floor));
  }
}
