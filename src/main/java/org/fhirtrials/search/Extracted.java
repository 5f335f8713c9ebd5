package org.fhirtrials.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The index entries of one parameter of one document (kept so an update can undo them); read by
 * both search backends.
 */
public final class Extracted {
  /** Exact-match keys: token forms, reference forms, URIs, full-text words. */
  final Set<String> keys = new LinkedHashSet<>();

  /** Folded words of token texts (for {@code :text}). */
  final Set<String> words = new LinkedHashSet<>();

  /** String values as published. */
  final List<String> strings = new ArrayList<>();

  final List<DateRange> dates = new ArrayList<>();
  final List<Double> numbers = new ArrayList<>();

  /** Latitude/longitude pairs. */
  final List<double[]> points = new ArrayList<>();

  public Set<String> keys() {
    return keys;
  }

  public Set<String> words() {
    return words;
  }

  public List<String> strings() {
    return strings;
  }

  public List<DateRange> dates() {
    return dates;
  }

  public List<Double> numbers() {
    return numbers;
  }

  /** Latitude/longitude pairs. */
  public List<double[]> points() {
    return points;
  }

  public boolean isEmpty() {
    return keys.isEmpty()
        && strings.isEmpty()
        && dates.isEmpty()
        && numbers.isEmpty()
        && points.isEmpty();
  }

  /** The first value, as a sort key: folded string, epoch millis, number, or token. */
  public Comparable<?> sortKey() {
    if (!strings.isEmpty()) {
      return Text.fold(strings.get(0));
    }
    if (!dates.isEmpty()) {
      return dates.get(0).low();
    }
    if (!numbers.isEmpty()) {
      return numbers.get(0);
    }
    return keys.stream().filter(k -> !k.contains("|") && !k.contains("/")).findFirst().orElse(null);
  }
}
