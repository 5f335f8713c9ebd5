package org.fhirtrials.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The inverted index of one resource type on one base. Documents (resources) get an ordinal for
 * life; each parameter keeps posting lists by exact key, a sorted map of folded strings (prefix
 * search), per-document dates and numbers, and a one-degree geo grid. Not thread-safe: {@link
 * SearchIndexes} guards it with a read/write lock.
 */
final class TypeIndex {
  /** Grid cell size for {@code near}, in degrees. */
  static final double CELL_DEGREES = 1.0;

  static final class ParamIndex {
    final Map<String, Postings> keys = new HashMap<>();

    /** Folded words of concept texts, sorted so {@code :text} can match word prefixes. */
    final TreeMap<String, Postings> words = new TreeMap<>();

    final TreeMap<String, Postings> folded = new TreeMap<>();
    final Map<String, Postings> exact = new HashMap<>();
    final Postings present = new Postings();
    final Map<Integer, List<DateRange>> dates = new HashMap<>();
    final Map<Integer, List<Double>> numbers = new HashMap<>();

    /** The points of the documents by one-degree grid cell. */
    final Map<Long, CellPoints> grid = new HashMap<>();
  }

  /**
   * The id of each ordinal. Append-only: an entry never changes once given, and growing replaces
   * the array, so an array read under the lock can be read after it.
   */
  private String[] ids = new String[16];

  private int idCount;
  private final Map<String, Integer> ordinals = new HashMap<>();
  private final Map<String, List<Integer>> byTrial = new HashMap<>();

  /** Each document's entries by ordinal (one per ordinal given); null once removed. */
  private final List<Map<String, Extracted>> docs = new ArrayList<>();

  private final Map<String, ParamIndex> params = new HashMap<>();
  private final Postings live = new Postings();

  /** One instance of each indexed string, shared by the indexes of a base. */
  private final StringPool strings;

  TypeIndex(StringPool strings) {
    this.strings = strings;
  }

  /** Ordinals ranked by id, rebuilt lazily after documents are added: the default order. */
  private int[] rankById = new int[0];

  /** The inverse of {@link #rankById}: the ordinal at each rank. */
  private int[] ordinalByRank = new int[0];

  private boolean rankStale;

  ParamIndex param(String name) {
    return params.computeIfAbsent(name, n -> new ParamIndex());
  }

  /** Replaces the documents of a trial with these (resource id → entries by parameter). */
  void replaceTrial(String nctId, Map<String, Map<String, Extracted>> documents) {
    for (int ordinal : byTrial.getOrDefault(nctId, List.of())) {
      remove(ordinal);
    }
    List<Integer> mine = new ArrayList<>();
    documents.forEach(
        (id, entries) -> {
          int ordinal = ordinals.computeIfAbsent(id, k -> newOrdinal(id));
          add(ordinal, entries);
          mine.add(ordinal);
        });
    byTrial.put(nctId, mine);
  }

  private int newOrdinal(String id) {
    if (idCount == ids.length) {
      ids = java.util.Arrays.copyOf(ids, idCount * 2);
    }
    ids[idCount] = id;
    docs.add(null);
    rankStale = true;
    return idCount++;
  }

  private void add(int ordinal, Map<String, Extracted> entries) {
    live.add(ordinal);
    entries.values().forEach(Extracted::compact); // a no-op for prepared entries
    docs.set(ordinal, Map.copyOf(entries));
    entries.forEach(
        (name, e) -> {
          ParamIndex p = param(name);
          if (e.isEmpty()) {
            return;
          }
          p.present.add(ordinal);
          e.keys.forEach(k -> p.keys.computeIfAbsent(k, x -> new Postings()).add(ordinal));
          e.words.forEach(w -> p.words.computeIfAbsent(w, x -> new Postings()).add(ordinal));
          for (String f : e.takeFolded()) {
            p.folded.computeIfAbsent(f, x -> new Postings()).add(ordinal);
          }
          for (String s : e.strings) {
            p.exact.computeIfAbsent(s, x -> new Postings()).add(ordinal);
          }
          if (!e.dates.isEmpty()) {
            p.dates.put(ordinal, e.dates);
          }
          if (!e.numbers.isEmpty()) {
            p.numbers.put(ordinal, e.numbers);
          }
          for (double[] pt : e.points) {
            p.grid
                .computeIfAbsent(cell(pt[0], pt[1]), x -> new CellPoints())
                .add(ordinal, pt[0], pt[1]);
          }
        });
  }

  private void remove(int ordinal) {
    live.remove(ordinal);
    Map<String, Extracted> entries = docs.set(ordinal, null);
    if (entries == null) {
      return;
    }
    entries.forEach(
        (name, e) -> {
          ParamIndex p = param(name);
          p.present.remove(ordinal);
          e.keys.forEach(k -> removeFrom(p.keys, k, ordinal));
          e.words.forEach(w -> removeFrom(p.words, w, ordinal));
          for (String s : e.strings) {
            removeFrom(p.folded, Text.fold(s), ordinal);
            removeFrom(p.exact, s, ordinal);
          }
          p.dates.remove(ordinal);
          p.numbers.remove(ordinal);
          for (double[] pt : e.points) {
            CellPoints c = p.grid.get(cell(pt[0], pt[1]));
            if (c != null) {
              c.remove(ordinal);
              if (c.size() == 0) {
                p.grid.remove(cell(pt[0], pt[1]));
              }
            }
          }
        });
  }

  private static <K> void removeFrom(Map<K, Postings> map, K key, int ordinal) {
    Postings p = map.get(key);
    if (p != null) {
      p.remove(ordinal);
      if (p.size() == 0) {
        map.remove(key);
      }
    }
  }

  static long cell(double lat, double lon) {
    long row = (long) Math.floor((lat + 90) / CELL_DEGREES);
    long col = (long) Math.floor((lon + 180) / CELL_DEGREES);
    return row * 1000 + col;
  }

  Extracted extracted(int ordinal, String param) {
    Map<String, Extracted> entries = docs.get(ordinal);
    return entries == null ? null : entries.get(param);
  }

  int[] all() {
    return live.toArray();
  }

  int count() {
    return live.size();
  }

  /** How many ordinals were ever given (every ordinal is below this). */
  int size() {
    return idCount;
  }

  /** The ids by ordinal (see {@link #ids}): entries below {@link #size()} never change. */
  String[] idsByOrdinal() {
    return ids;
  }

  String id(int ordinal) {
    return ids[ordinal];
  }

  Integer ordinal(String id) {
    Integer o = ordinals.get(id);
    return o != null && live.contains(o) ? o : null;
  }

  /** Position of each ordinal in id order (for the default sort); rebuilt after additions. */
  int[] ranks() {
    if (rankStale || rankById.length != idCount) {
      Integer[] order = new Integer[idCount];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, (a, b) -> ids[a].compareTo(ids[b]));
      int[] ranks = new int[order.length];
      int[] byRank = new int[order.length];
      for (int r = 0; r < order.length; r++) {
        ranks[order[r]] = r;
        byRank[r] = order[r];
      }
      rankById = ranks;
      ordinalByRank = byRank;
      rankStale = false;
    }
    return rankById;
  }

  /**
   * The ordinal at each position of {@link #ranks()} (call that first): an array that is replaced,
   * never changed, when the ranks are rebuilt.
   */
  int[] ordinalsByRank() {
    return ordinalByRank;
  }
}
