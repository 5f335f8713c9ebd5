package org.fhirtrials.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A growable sorted set of document ordinals (one posting list of an inverted index), and the set
 * operations on sorted {@code int[]} results. New documents get ascending ordinals, so adding is
 * usually an append.
 *
 * <p>A set holds its ordinals as a sorted {@code int[]} while it is sparse, and as a bitset (one
 * bit per ordinal up to the largest) once that is at most half the size: a value most documents
 * have (a parameter's presence, a common word, a frequent status) then costs a bit per document of
 * the type instead of 32.
 */
final class Postings {
  static final int[] EMPTY = new int[0];

  /**
   * A sparse set becomes a bitset when it holds at least one in this many of the ordinals up to its
   * largest (its {@code int[]} would then be at least twice the bitset's size).
   */
  private static final int DENSE = 16;

  /** A bitset becomes sparse again below one in this many (between them, it stays as it is). */
  private static final int SPARSE = 64;

  /** The members in order, while sparse; null while a bitset. */
  private int[] values = new int[2];

  /** Bit {@code o} is set when {@code o} is a member, while a bitset; null while sparse. */
  private long[] bits;

  private int size;

  void add(int ordinal) {
    if (bits != null) {
      int word = ordinal >>> 6;
      if (word >= bits.length) {
        bits = Arrays.copyOf(bits, Math.max(word + 1, bits.length + (bits.length >> 1)));
      }
      if ((bits[word] & (1L << ordinal)) == 0) {
        bits[word] |= 1L << ordinal;
        size++;
      }
      return;
    }
    if (size == 0 || values[size - 1] < ordinal) {
      // the usual case: a new document's ordinal is above every one held
      if (size == values.length) {
        if (size >= SPARSE && (long) size * DENSE >= ordinal + 1L) {
          toBits();
          add(ordinal);
          return;
        }
        values = Arrays.copyOf(values, Math.max(2, size * 2));
      }
      values[size++] = ordinal;
      return;
    }
    int at = Arrays.binarySearch(values, 0, size, ordinal);
    if (at >= 0) {
      return;
    }
    int insert = -at - 1;
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    System.arraycopy(values, insert, values, insert + 1, size - insert);
    values[insert] = ordinal;
    size++;
  }

  private void toBits() {
    long[] b = new long[(values[size - 1] >>> 6) + 1];
    setAll(b, values, size);
    bits = b;
    values = null;
  }

  /*
   * Bitsets of ordinals (bit o of word o / 64), shared by the dense sets and the set operations.
   */

  /** Sets the bits of the first {@code n} ordinals of {@code ordinals}. */
  private static void setAll(long[] bits, int[] ordinals, int n) {
    for (int i = 0; i < n; i++) {
      bits[ordinals[i] >>> 6] |= 1L << ordinals[i];
    }
  }

  /** Whether the bit of {@code ordinal} is set (false beyond the bitset's end). */
  private static boolean isSet(long[] bits, int ordinal) {
    int word = ordinal >>> 6;
    return word < bits.length && (bits[word] & (1L << ordinal)) != 0;
  }

  /** The set bits' ordinals in ascending order; {@code capacity} is at least how many are set. */
  private static int[] members(long[] bits, int capacity) {
    int[] out = new int[capacity];
    int n = 0;
    for (int w = 0; w < bits.length && n < capacity; w++) {
      for (long word = bits[w]; word != 0; word &= word - 1) {
        out[n++] = (w << 6) + Long.numberOfTrailingZeros(word);
      }
    }
    return n == capacity ? out : Arrays.copyOf(out, n);
  }

  private void toValues() {
    values = toArray();
    bits = null;
  }

  /** Gives back spare capacity. */
  void trim() {
    if (bits != null) {
      int words = bits.length;
      while (words > 1 && bits[words - 1] == 0) {
        words--;
      }
      if (words < bits.length) {
        bits = Arrays.copyOf(bits, words);
      }
    } else if (values.length > size) {
      values = Arrays.copyOf(values, Math.max(1, size));
    }
  }

  void remove(int ordinal) {
    if (bits != null) {
      if (isSet(bits, ordinal)) {
        bits[ordinal >>> 6] &= ~(1L << ordinal);
        size--;
        if ((long) size * SPARSE < (long) bits.length * 64) {
          toValues();
        }
      }
      return;
    }
    int at = Arrays.binarySearch(values, 0, size, ordinal);
    if (at >= 0) {
      System.arraycopy(values, at + 1, values, at, size - at - 1);
      size--;
    }
  }

  boolean contains(int ordinal) {
    if (bits != null) {
      return isSet(bits, ordinal);
    }
    return Arrays.binarySearch(values, 0, size, ordinal) >= 0;
  }

  int size() {
    return size;
  }

  /** The smallest member (the set must not be empty). */
  int first() {
    if (bits == null) {
      return values[0];
    }
    int w = 0;
    while (bits[w] == 0) {
      w++;
    }
    return (w << 6) + Long.numberOfTrailingZeros(bits[w]);
  }

  int[] toArray() {
    if (bits == null) {
      return Arrays.copyOf(values, size);
    }
    return members(bits, size);
  }

  /*
   * Posting maps in sorted maps (words and folded strings, searched by prefix; exact keys are in
   * a PostingMap): key -> the documents holding it. Many keys are held by one document, so a
   * map's value is that ordinal as an Integer until a second document holds the key, and a
   * Postings from then on: a boxed ordinal takes 16 bytes where a Postings and its array take 48.
   */

  /** Adds a document to a key's posting in a posting map. */
  static <K> void add(Map<K, Object> map, K key, int ordinal) {
    // one walk of the map (a sorted map's get and put would each walk its tree)
    map.merge(key, ordinal, Postings::merge);
  }

  /** A posting map's value with one more document (given as a boxed ordinal). */
  private static Object merge(Object held, Object added) {
    int ordinal = (Integer) added;
    if (held instanceof Postings p) {
      p.add(ordinal);
      return p;
    }
    int one = (Integer) held;
    if (one == ordinal) {
      return held;
    }
    Postings p = new Postings();
    p.add(Math.min(one, ordinal));
    p.add(Math.max(one, ordinal));
    return p;
  }

  /** Removes a document from a key's posting in a posting map (and the key when none is left). */
  static <K> void remove(Map<K, Object> map, K key, int ordinal) {
    Object held = map.get(key);
    if (held instanceof Postings p) {
      p.remove(ordinal);
      if (p.size() == 1) {
        map.put(key, p.first());
      } else if (p.size() == 0) {
        map.remove(key);
      }
    } else if (held != null && (Integer) held == ordinal) {
      map.remove(key);
    }
  }

  /** Removes a document from every posting of a map (a scan: for recovery only). */
  static <K> void removeEverywhere(Map<K, Object> map, int ordinal) {
    List<K> holding = new ArrayList<>();
    map.forEach(
        (k, v) -> {
          if (contains(v, ordinal)) {
            holding.add(k);
          }
        });
    holding.forEach(k -> remove(map, k, ordinal));
  }

  /** The documents of a posting map's value (null: none), as a new sorted array. */
  static int[] array(Object posting) {
    if (posting == null) {
      return EMPTY;
    }
    return posting instanceof Postings p ? p.toArray() : new int[] {(Integer) posting};
  }

  /**
   * The union of posting map values and sorted sets, as one sorted set. Lists held as bitsets are
   * OR-ed word by word: a union of large lists (a word prefix, a code under several systems) lists
   * its members once, where an array per list and a merge listed each of them twice.
   */
  static final class Union {
    private final List<int[]> sets = new ArrayList<>();
    private long[] bits;

    /** Adds a posting map's value: a {@link Postings}, a boxed ordinal, or null (none). */
    void add(Object posting) {
      if (posting instanceof Postings p && p.bits != null) {
        if (bits == null) {
          bits = p.bits.clone();
          return;
        }
        cover(p.bits.length);
        for (int w = 0; w < p.bits.length; w++) {
          bits[w] |= p.bits[w];
        }
      } else if (posting != null) {
        sets.add(array(posting));
      }
    }

    int[] toArray() {
      if (bits == null) {
        return or(sets);
      }
      for (int[] set : sets) {
        if (set.length > 0) {
          cover((set[set.length - 1] >>> 6) + 1);
          setAll(bits, set, set.length);
        }
      }
      int members = 0;
      for (long word : bits) {
        members += Long.bitCount(word);
      }
      return members(bits, members);
    }

    /** Makes the union's bitset at least {@code words} long. */
    private void cover(int words) {
      if (words > bits.length) {
        bits = Arrays.copyOf(bits, words);
      }
    }
  }

  /** Whether a posting map's value (null: none) holds the document. */
  static boolean contains(Object posting, int ordinal) {
    if (posting == null) {
      return false;
    }
    return posting instanceof Postings p ? p.contains(ordinal) : (Integer) posting == ordinal;
  }

  /** Sorted intersection of two sorted sets. */
  static int[] and(int[] a, int[] b) {
    if (a.length > b.length) {
      return and(b, a);
    }
    if ((long) a.length * 16 < b.length) {
      return andGalloping(a, b);
    }
    if (b.length >= DENSE_AND && (long) b.length * 8 > b[b.length - 1]) {
      return andDense(a, b);
    }
    int[] out = new int[a.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        out[n++] = a[i];
        i++;
        j++;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Sets at least this large and dense are intersected through a bitset (see {@link #andDense}).
   */
  private static final int DENSE_AND = 4_096;

  /**
   * {@link #and} with a large set holding more than one in eight of the ordinals up to its largest
   * (a frequent status): the large one as a bitset, the other one's members tested against it (no
   * comparison branches to mispredict; about twice as fast as the merge at 40,000 members).
   */
  private static int[] andDense(int[] a, int[] dense) {
    long[] bits = new long[(dense[dense.length - 1] >>> 6) + 1];
    setAll(bits, dense, dense.length);
    int[] out = new int[a.length];
    int n = 0;
    for (int x : a) {
      if (isSet(bits, x)) {
        out[n++] = x;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * {@link #and} of a small set with a much larger one: each member of the small one is looked up
   * in what is left of the large one (a few hundred condition matches among 40,000 active studies
   * cost a few thousand comparisons, not 40,000).
   */
  private static int[] andGalloping(int[] small, int[] large) {
    int[] out = new int[small.length];
    int n = 0;
    int from = 0;
    for (int x : small) {
      int at = Arrays.binarySearch(large, from, large.length, x);
      if (at >= 0) {
        out[n++] = x;
        from = at + 1;
      } else {
        from = -at - 1;
      }
      if (from >= large.length) {
        break;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Sorted intersection of sorted sets, the smallest first (so each step is cheap and an empty
   * result ends it); callers pass at least one set.
   */
  static int[] andAll(List<int[]> sets) {
    List<int[]> bySize = new ArrayList<>(sets);
    bySize.sort(Comparator.comparingInt(s -> s.length));
    int[] result = bySize.get(0);
    for (int i = 1; i < bySize.size() && result.length > 0; i++) {
      result = and(result, bySize.get(i));
    }
    return result;
  }

  /** Sorted union of sorted sets. */
  static int[] or(List<int[]> sets) {
    int[] only = null;
    int total = 0;
    int nonEmpty = 0;
    int max = 0;
    for (int[] s : sets) {
      if (s.length > 0) {
        only = s;
        total += s.length;
        nonEmpty++;
        max = Math.max(max, s[s.length - 1]);
      }
    }
    if (nonEmpty <= 1) {
      return only == null ? EMPTY : only;
    }
    if (max / 64 < total) {
      // a large union (a word prefix over thousands of documents): one bit per ordinal
      long[] bits = new long[max / 64 + 1];
      for (int[] s : sets) {
        setAll(bits, s, s.length);
      }
      return members(bits, total);
    }
    // a small one: all members in one array, sorted, duplicates dropped
    int[] all = new int[total];
    int n = 0;
    for (int[] s : sets) {
      System.arraycopy(s, 0, all, n, s.length);
      n += s.length;
    }
    Arrays.sort(all);
    int kept = 0;
    for (int i = 0; i < all.length; i++) {
      if (kept == 0 || all[i] != all[kept - 1]) {
        all[kept++] = all[i];
      }
    }
    return kept == all.length ? all : Arrays.copyOf(all, kept);
  }

  /** The members of {@code all} not in {@code b}. */
  static int[] andNot(int[] all, int[] b) {
    int[] out = new int[all.length];
    int j = 0;
    int n = 0;
    for (int x : all) {
      while (j < b.length && b[j] < x) {
        j++;
      }
      if (j >= b.length || b[j] != x) {
        out[n++] = x;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
