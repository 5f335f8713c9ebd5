package org.fhirtrials.synth;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The random source of one synthetic study. Each study gets its own generator derived from (seed,
 * index), so study {@code i} is the same whatever the total count and page size are.
 */
final class Rng {
  private final SplittableRandom random;

  private Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The generator of study {@code index} (0-based) in a data set generated with {@code seed}. */
  static Rng forStudy(long seed, long index) {
    return new Rng(mix(seed ^ mix(index + 0x9E3779B97F4A7C15L)));
  }

  /** A generator seeded directly (tests and fixed vocabularies). */
  static Rng of(long seed) {
    return new Rng(seed);
  }

  /** Stafford's variant 13 of the SplitMix64 finaliser: a bijective 64-bit mix. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in {@code [lo, hi]} inclusive. */
  int between(int lo, int hi) {
    return lo + random.nextInt(hi - lo + 1);
  }

  /** Uniform in {@code [0, bound)}. */
  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  double nextDouble() {
    return random.nextDouble();
  }

  /** True with probability {@code p}. */
  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** Log-uniform integer in {@code [lo, hi]}: small values are as likely per decade as large. */
  int logBetween(int lo, int hi) {
    double v = Math.exp(Math.log(lo) + random.nextDouble() * (Math.log(hi + 1.0) - Math.log(lo)));
    return Math.min(hi, (int) v);
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  @SafeVarargs
  final <T> T pick(T... items) {
    return items[random.nextInt(items.length)];
  }

  /** {@code n} distinct items (fewer if the list is shorter), in list order. */
  <T> List<T> sample(List<T> items, int n) {
    int size = items.size();
    if (n >= size) {
      return items;
    }
    // Selection sampling (Knuth, Algorithm S): keeps list order and needs no set.
    java.util.ArrayList<T> out = new java.util.ArrayList<>(n);
    int needed = n;
    for (int i = 0; i < size && needed > 0; i++) {
      if (random.nextInt(size - i) < needed) {
        out.add(items.get(i));
        needed--;
      }
    }
    return out;
  }
}
