package org.fhirtrials.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The index entries of one parameter of one document; read by both search backends. The in-memory
 * index keeps none of these: it adds a document's entries, and removes them with the entries the
 * same version gives again.
 */
public final class Extracted {
  /** Exact-match keys: token forms, reference forms, URIs, full-text words. */
  Set<String> keys = new LinkedHashSet<>();

  /** Folded words of token texts (for {@code :text}). */
  Set<String> words = new LinkedHashSet<>();

  /** String values as published. */
  List<String> strings = new ArrayList<>();

  List<DateRange> dates = new ArrayList<>();
  List<Double> numbers = new ArrayList<>();

  /** Latitude/longitude pairs. */
  List<double[]> points = new ArrayList<>();

  /**
   * The {@link Text#fold folded} forms of {@link #strings} (pooled), prepared off the index lock
   * and dropped once the index holds them; null when not prepared.
   */
  List<String> folded;

  /**
   * Makes this read-only and small, once it is complete (a chunk of trials is prepared at a time):
   * empty collections become shared empty ones, lists exact-size copies.
   */
  void compact() {
    keys = ArraySet.of(keys);
    words = ArraySet.of(words);
    strings = List.copyOf(strings);
    dates = List.copyOf(dates);
    numbers = List.copyOf(numbers);
    points = List.copyOf(points);
  }

  /**
   * Replaces every string by {@code canonical}'s instance of it, so equal values held by many
   * documents (cities, codes, words) are one object in memory. Call after {@link #compact}.
   */
  void canonicalise(java.util.function.UnaryOperator<String> canonical) {
    if (keys instanceof ArraySet a) {
      a.replaceAll(canonical);
    }
    if (words instanceof ArraySet a) {
      a.replaceAll(canonical);
    }
    if (!strings.isEmpty()) {
      strings = strings.stream().map(canonical).toList();
      folded = strings.stream().map(s -> canonical.apply(Text.fold(s))).toList();
    }
  }

  /** The folded forms of the strings: the prepared ones (once), else folded now. */
  List<String> takeFolded() {
    List<String> out = folded != null ? folded : strings.stream().map(Text::fold).toList();
    folded = null;
    return out;
  }

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

  /**
   * Whether {@code other} holds the same values in the same order (so the same sort key): what the
   * PostgreSQL store checks before it writes a resource's rows once for every base.
   */
  public boolean sameValues(Extracted other) {
    if (!inSameOrder(keys, other.keys)
        || !inSameOrder(words, other.words)
        || !strings.equals(other.strings)
        || !dates.equals(other.dates)
        || !numbers.equals(other.numbers)
        || points.size() != other.points.size()) {
      return false;
    }
    for (int i = 0; i < points.size(); i++) {
      if (!java.util.Arrays.equals(points.get(i), other.points.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean inSameOrder(Set<String> a, Set<String> b) {
    if (a.size() != b.size()) {
      return false;
    }
    java.util.Iterator<String> i = b.iterator();
    for (String s : a) {
      if (!s.equals(i.next())) {
        return false;
      }
    }
    return true;
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

  /** A small read-only set in insertion order, backed by an exact-size array. */
  private static final class ArraySet extends java.util.AbstractSet<String> {
    private final String[] values;

    private ArraySet(String[] values) {
      this.values = values;
    }

    static Set<String> of(Set<String> set) {
      if (set.isEmpty()) {
        return Set.of();
      }
      return set instanceof ArraySet ? set : new ArraySet(set.toArray(new String[0]));
    }

    void replaceAll(java.util.function.UnaryOperator<String> f) {
      for (int i = 0; i < values.length; i++) {
        values[i] = f.apply(values[i]);
      }
    }

    @Override
    public java.util.Iterator<String> iterator() {
      return java.util.Arrays.asList(values).iterator();
    }

    @Override
    public int size() {
      return values.length;
    }
  }
}
