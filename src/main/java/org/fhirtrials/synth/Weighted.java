package org.fhirtrials.synth;

import java.util.ArrayList;
import java.util.List;

/** An immutable table of values with relative weights, drawn with {@link #draw(Rng)}. */
final class Weighted<T> {
  private final List<T> values;
  private final double[] cumulative;

  private Weighted(List<T> values, double[] cumulative) {
    this.values = values;
    this.cumulative = cumulative;
  }

  static <T> Builder<T> builder() {
    return new Builder<>();
  }

  T draw(Rng rng) {
    double x = rng.nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return values.get(lo);
  }

  List<T> values() {
    return values;
  }

  static final class Builder<T> {
    private final List<T> values = new ArrayList<>();
    private final List<Double> weights = new ArrayList<>();

    Builder<T> add(double weight, T value) {
      if (weight <= 0) {
        throw new IllegalArgumentException("weight must be positive: " + value);
      }
      values.add(value);
      weights.add(weight);
      return this;
    }

    Weighted<T> build() {
      if (values.isEmpty()) {
        throw new IllegalStateException("empty weighted table");
      }
      double[] cumulative = new double[weights.size()];
      double sum = 0;
      for (int i = 0; i < cumulative.length; i++) {
        sum += weights.get(i);
        cumulative[i] = sum;
      }
      return new Weighted<>(List.copyOf(values), cumulative);
    }
  }
}
