package org.fhirtrials.search;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The inverted index of one resource type on one base. Documents (resources) get an ordinal for
 * life; each parameter keeps posting maps by exact key, sorted maps of folded strings and words
 * (prefix search), columns by ordinal (dates and numbers, sort keys, references) and a one-degree
 * geo grid. Nothing is kept per document beyond these: a document's entries are removed with the
 * entries its indexed version gives again (see {@link SearchIndexes}). Not thread-safe: {@link
 * SearchIndexes} guards it with a read/write lock.
 */
final class TypeIndex {
  /** Grid cell size for {@code near}, in degrees. */
  static final double CELL_DEGREES = 1.0;

  /** Found through the ordinals by id, not through keys (see {@link #ordinal}). */
  static final String ID = "_id";

  private static final String[] NO_STRINGS = new String[0];

  /**
   * In a reference parameter's sort key column: the document has no sort key, though it has
   * references (compared by identity).
   */
  @SuppressWarnings("StringOperationCanBeSimplified")
  private static final String NO_SORT_KEY = new String("");

  private static final Object[] NO_REFS = new Object[0];

  static final class ParamIndex {
    /** Exact-match keys to their documents. */
    final PostingMap keys = new PostingMap();

    /** Folded words of concept texts, sorted so {@code :text} can match word prefixes. */
    final TreeMap<String, Object> words = new TreeMap<>();

    /** Folded strings (posting maps: see {@link Postings#add(Map, Object, int)}), sorted. */
    final TreeMap<String, Object> folded = new TreeMap<>();

    /** Strings as published. */
    final PostingMap exact = new PostingMap();

    final Postings present = new Postings();

    /** Dates or numbers by ordinal. */
    final RangeColumn ranges = new RangeColumn();

    /** The points of the documents by one-degree grid cell. */
    final Map<Long, CellPoints> grid = new HashMap<>();

    /** Whether the parameter is a reference (its {@code Type/id} targets are kept by ordinal). */
    private final boolean reference;

    /**
     * The one type a reference parameter targets, or null: a reference to it is keyed by the bare
     * id (the string the target's own index holds), not by {@code Type/id} (see {@link #keys}).
     */
    private final String target;

    /**
     * For a token parameter, the code systems its values have had, as their {@code system|} keys
     * (never shrinks: a system no document holds any more only costs a lookup). A bare code is
     * found under each of them, since a token is indexed by {@code system|code} and {@code |code},
     * not also by its bare code.
     */
    private final Set<String> systems;

    /** The sort key of each ordinal that has a string or token one (else null). */
    private String[] sortKeys = NO_STRINGS;

    /**
     * The references of each ordinal as keyed ({@code Type/id}, or the bare id of the {@link
     * #target}): a String, a String[] or null.
     */
    private Object[] refs = NO_REFS;

    ParamIndex(ParamDef def) {
      ParamKind kind = def == null ? null : def.kind();
      this.reference = kind == ParamKind.REFERENCE;
      this.target = reference && def.targets().size() == 1 ? def.targets().iterator().next() : null;
      this.systems = kind == ParamKind.TOKEN ? new java.util.HashSet<>() : null;
    }

    /** The key of a reference to {@code type/id}. */
    String referenceKey(String type, String id) {
      return type.equals(target) ? id : type + "/" + id;
    }

    /** The key of a {@code Type/id} reference (a bare id or an absolute URL stays as it is). */
    String referenceKey(String typed) {
      int slash = typed.indexOf('/');
      return target != null
              && slash == target.length()
              && slash == typed.lastIndexOf('/')
              && typed.startsWith(target)
          ? typed.substring(slash + 1)
          : typed;
    }

    /** The keys a bare token code is indexed under: {@code |code} and {@code system|code}. */
    List<String> codeKeys(String code) {
      if (systems == null) {
        return List.of(code);
      }
      List<String> out = new java.util.ArrayList<>(systems.size() + 1);
      out.add("|" + code);
      systems.forEach(systemKey -> out.add(systemKey + code));
      return out;
    }

    /** A document's sort key: folded string or token (String), date or number (Double); or null. */
    Comparable<?> sortKey(int ordinal) {
      String key = ordinal < sortKeys.length ? sortKeys[ordinal] : null;
      if (key == NO_SORT_KEY) {
        return null;
      }
      if (key != null) {
        return key;
      }
      String derived = derivedSortKey(firstReference(ordinal));
      if (derived != null) {
        return derived;
      }
      double d = ranges.first(ordinal);
      return Double.isNaN(d) ? null : d;
    }

    /** The first reference a document holds as keyed, or null. */
    private String firstReference(int ordinal) {
      Object r = ordinal < refs.length ? refs[ordinal] : null;
      return r == null ? null : r instanceof String one ? one : ((String[]) r)[0];
    }

    /**
     * The sort key a reference's key stands for: the id (what {@link Extracted#sortKey} gives a
     * reference, its first key with no type). A reference parameter's column keeps its sort keys
     * only where they differ from this (about 50 MB less at 100k trials: a site, protocol or
     * sponsor key per study, in each base).
     */
    private static String derivedSortKey(String reference) {
      return reference == null ? null : reference.substring(reference.lastIndexOf('/') + 1);
    }

    /** The {@code Type/id} references a document holds (reference parameters only). */
    List<String> references(int ordinal) {
      Object r = ordinal < refs.length ? refs[ordinal] : null;
      if (r == null) {
        return List.of();
      }
      String[] keys = r instanceof String one ? new String[] {one} : (String[]) r;
      List<String> out = new java.util.ArrayList<>(keys.length);
      for (String k : keys) {
        out.add(k.indexOf('/') < 0 ? target + "/" + k : k);
      }
      return out;
    }

    private void setColumns(int ordinal, String sortKey, List<String> references) {
      if (reference && !references.isEmpty()) {
        String derived = derivedSortKey(references.get(0));
        sortKey = derived.equals(sortKey) ? null : sortKey == null ? NO_SORT_KEY : sortKey;
      }
      if (sortKey != null || ordinal < sortKeys.length) {
        sortKeys = grown(sortKeys, ordinal);
        sortKeys[ordinal] = sortKey;
      }
      if (reference && (!references.isEmpty() || ordinal < refs.length)) {
        refs = grown(refs, ordinal);
        refs[ordinal] =
            references.isEmpty()
                ? null
                : references.size() == 1 ? references.get(0) : references.toArray(NO_STRINGS);
      }
    }

    /** Gives back the columns' room beyond their last value. */
    void trimColumns() {
      sortKeys = trimmed(sortKeys);
      refs = trimmed(refs);
      ranges.trim();
    }

    private static <T> T[] trimmed(T[] column) {
      int n = column.length;
      while (n > 0 && column[n - 1] == null) {
        n--;
      }
      return n == column.length ? column : Arrays.copyOf(column, n);
    }

    private static <T> T[] grown(T[] column, int ordinal) {
      return ordinal < column.length
          ? column
          : Arrays.copyOf(column, Math.max(16, Math.max(ordinal + 1, column.length * 2)));
    }
  }

  /**
   * The id of each ordinal. Append-only: an entry never changes once given, and growing replaces
   * the array, so an array read under the lock can be read after it.
   */
  private String[] ids = new String[16];

  private int idCount;

  /**
   * The ordinal of each id: open addressing over {@link #ids}, each slot holding ordinal + 1 (0 is
   * free). Ordinals are never taken back, so slots are only ever added.
   */
  private int[] slots = new int[32];

  private final Map<String, ParamIndex> params = new HashMap<>();
  private final Map<String, ParamDef> defs;
  private final Postings live = new Postings();

  /**
   * @param defs the type's search parameters by name (their kinds decide how values are keyed)
   */
  TypeIndex(Map<String, ParamDef> defs) {
    this.defs = Map.copyOf(defs);
  }

  /** Ordinals ranked by id, rebuilt lazily after documents are added: the default order. */
  private int[] rankById = new int[0];

  /** The inverse of {@link #rankById}: the ordinal at each rank. */
  private int[] ordinalByRank = new int[0];

  private boolean rankStale;

  ParamIndex param(String name) {
    // _content holds what _text holds (DocumentExtractor gives both the same entries): one index
    String indexed = name.equals(SearchParamRegistry.CONTENT) ? SearchParamRegistry.TEXT : name;
    return params.computeIfAbsent(indexed, n -> new ParamIndex(defs.get(n)));
  }

  /**
   * The exact-match keys a document's entries are indexed by. {@code _id} has none (its documents
   * are found by id). A reference is indexed once: by its {@code Type/id}, or by the bare id when
   * the type is the parameter's one target (the same string as the target's id, shared with its
   * index: a study's hundred sites are a hundred strings less); a search by bare id asks for the
   * typed keys too ({@link Matchers#reference}); the keys of its references go to {@code refs}. A
   * token is indexed by {@code system|code} (or {@code |code}), not also by its bare code: a search
   * by bare code asks for it under each system ({@link ParamIndex#codeKeys}). Most codes that only
   * one document holds (identifiers, phone numbers, e-mail addresses) would otherwise be two keys.
   */
  private Iterable<String> keys(String name, ParamIndex p, Extracted e, List<String> refs) {
    if (name.equals(ID)) {
      return List.of();
    }
    if (p.systems != null) {
      return e.keys.stream().filter(TypeIndex::qualifiedTokenKey).toList();
    }
    if (!p.reference) {
      return e.keys;
    }
    // the entries' own bare ids (pooled with the trial's resource ids) and the ids of typed keys
    Map<String, String> bare = new HashMap<>();
    Set<String> typedIds = new java.util.HashSet<>();
    for (String k : e.keys) {
      int slash = k.indexOf('/');
      if (slash < 0) {
        bare.put(k, k);
      } else if (slash > 0 && slash == k.lastIndexOf('/')) {
        typedIds.add(k.substring(slash + 1));
      }
    }
    Set<String> out = new java.util.LinkedHashSet<>();
    for (String k : e.keys) {
      if (k.indexOf('/') < 0) {
        if (!typedIds.contains(k)) {
          out.add(k); // a reference with no type
        }
        continue;
      }
      String key = p.referenceKey(k);
      key = bare.getOrDefault(key, key);
      out.add(key);
      if (refs != null) {
        refs.add(key);
      }
    }
    return out;
  }

  /**
   * Whether a token key is one the index keeps: {@code system|code}, {@code |code}, {@code
   * system|}, a folded concept text ({@code =text}) or an {@code :of-type} key; not a bare code.
   */
  private static boolean qualifiedTokenKey(String key) {
    return key.indexOf('|') >= 0 || key.startsWith("=");
  }

  /** Entries that another parameter's index holds already. */
  private static boolean heldElsewhere(String name) {
    return name.equals(SearchParamRegistry.CONTENT);
  }

  /**
   * Replaces the documents of a trial with these (resource id → entries by parameter).
   *
   * @param before the ordinals of the trial's documents in this index (as the last call returned)
   * @param previous the entries the trial's documents were indexed with (as its indexed version
   *     gives them again); null when they cannot be had, and the trial's documents are then removed
   *     by a scan of the whole index
   * @return the ordinals of the trial's documents now
   */
  int[] replaceTrial(
      int[] before,
      Map<String, Map<String, Extracted>> previous,
      Map<String, Map<String, Extracted>> documents) {
    if (previous != null) {
      previous.forEach(
          (id, entries) -> {
            int ordinal = find(id);
            if (ordinal >= 0) {
              remove(ordinal, entries);
            }
          });
    }
    for (int ordinal : before) {
      if (previous == null || live.contains(ordinal)) {
        purge(ordinal); // held but not given again (or nothing given again): scan it out
      }
    }
    int[] mine = new int[documents.size()];
    int n = 0;
    for (Map.Entry<String, Map<String, Extracted>> doc : documents.entrySet()) {
      String id = doc.getKey();
      int found = find(id);
      int ordinal = found >= 0 ? found : newOrdinal(id);
      add(ordinal, doc.getValue());
      mine[n++] = ordinal;
    }
    return mine;
  }

  private int newOrdinal(String id) {
    if (idCount == ids.length) {
      ids = Arrays.copyOf(ids, idCount * 2);
    }
    ids[idCount] = id;
    rankStale = true;
    if (4L * (idCount + 1) > 3L * slots.length) { // at most three quarters full
      slots = new int[slots.length * 2];
      for (int o = 0; o < idCount; o++) {
        slots[free(ids[o])] = o + 1;
      }
    }
    slots[free(id)] = idCount + 1;
    return idCount++;
  }

  /** The ordinal given to an id, or -1. */
  private int find(String id) {
    int mask = slots.length - 1;
    for (int i = slot(id, mask); ; i = (i + 1) & mask) {
      int held = slots[i];
      if (held == 0) {
        return -1;
      }
      if (ids[held - 1].equals(id)) {
        return held - 1;
      }
    }
  }

  /** The first free slot of an id not held (the table is never more than three quarters full). */
  private int free(String id) {
    int mask = slots.length - 1;
    int i = slot(id, mask);
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private static int slot(String id, int mask) {
    int h = id.hashCode() * 0x9E3779B9; // spread: ids differ mostly in their last characters
    return (h ^ (h >>> 16)) & mask;
  }

  private void add(int ordinal, Map<String, Extracted> entries) {
    live.add(ordinal);
    entries.forEach(
        (name, e) -> {
          if (e.isEmpty() || heldElsewhere(name)) {
            return;
          }
          ParamIndex p = param(name);
          p.present.add(ordinal);
          List<String> refs = p.reference ? new java.util.ArrayList<>() : null;
          for (String k : keys(name, p, e, refs)) {
            p.keys.add(k, ordinal);
            if (p.systems != null && k.length() > 1 && k.endsWith("|") && !k.startsWith("type:")) {
              p.systems.add(k); // a system| key: the pooled string itself
            }
          }
          e.words.forEach(w -> Postings.add(p.words, w, ordinal));
          List<String> folded = e.takeFolded();
          folded.forEach(f -> Postings.add(p.folded, f, ordinal));
          e.strings.forEach(s -> p.exact.add(s, ordinal));
          p.ranges.set(ordinal, ranges(e));
          for (double[] pt : e.points) {
            p.grid
                .computeIfAbsent(cell(pt[0], pt[1]), x -> new CellPoints())
                .add(ordinal, pt[0], pt[1]);
          }
          // _sort=_id sorts by the ranks of ids
          String sortKey = name.equals(ID) ? null : sortKey(e, folded);
          p.setColumns(ordinal, sortKey, refs == null ? List.of() : refs);
        });
  }

  /** The sort key a string or token parameter keeps (see {@link Extracted#sortKey}). */
  private static String sortKey(Extracted e, List<String> folded) {
    if (!folded.isEmpty()) {
      return folded.get(0);
    }
    return e.dates.isEmpty() && e.numbers.isEmpty() ? (String) e.sortKey() : null;
  }

  /** Dates or numbers as (low, high) pairs. */
  private static double[] ranges(Extracted e) {
    double[] pairs = new double[2 * (e.dates.size() + e.numbers.size())];
    int i = 0;
    for (DateRange d : e.dates) {
      pairs[i++] = d.low();
      pairs[i++] = d.high();
    }
    for (double x : e.numbers) {
      pairs[i++] = x;
      pairs[i++] = x;
    }
    return pairs;
  }

  /** Removes a document's entries: the same entries it was added with. */
  private void remove(int ordinal, Map<String, Extracted> entries) {
    if (!live.contains(ordinal)) {
      return;
    }
    live.remove(ordinal);
    entries.forEach(
        (name, e) -> {
          ParamIndex p = params.get(name);
          if (p == null || e.isEmpty() || heldElsewhere(name)) {
            return;
          }
          p.present.remove(ordinal);
          keys(name, p, e, null).forEach(k -> p.keys.remove(k, ordinal));
          e.words.forEach(w -> Postings.remove(p.words, w, ordinal));
          for (String s : e.strings) {
            Postings.remove(p.folded, Text.fold(s), ordinal);
            p.exact.remove(s, ordinal);
          }
          p.ranges.clear(ordinal);
          p.setColumns(ordinal, null, List.of());
          for (double[] pt : e.points) {
            long cell = cell(pt[0], pt[1]);
            CellPoints c = p.grid.get(cell);
            if (c != null) {
              c.remove(ordinal);
              if (c.size() == 0) {
                p.grid.remove(cell);
              }
            }
          }
        });
  }

  /**
   * Gives back the spare capacity of every posting list, column and grid cell (after a bulk load).
   */
  void trim() {
    if (ids.length > Math.max(16, idCount)) {
      ids = Arrays.copyOf(ids, Math.max(16, idCount)); // replaced, as when growing (see ids)
    }
    live.trim();
    for (ParamIndex p : params.values()) {
      p.present.trim();
      p.trimColumns();
      p.grid.values().forEach(CellPoints::trim);
      p.keys.trim();
      p.exact.trim();
      for (Map<String, Object> map : List.of(p.words, p.folded)) {
        map.values()
            .forEach(
                v -> {
                  if (v instanceof Postings postings) {
                    postings.trim();
                  }
                });
      }
    }
  }

  /** Removes a document from every entry of the index, without knowing its entries (slow). */
  private void purge(int ordinal) {
    live.remove(ordinal);
    for (ParamIndex p : params.values()) {
      p.present.remove(ordinal);
      p.keys.removeEverywhere(ordinal);
      Postings.removeEverywhere(p.words, ordinal);
      Postings.removeEverywhere(p.folded, ordinal);
      p.exact.removeEverywhere(ordinal);
      p.ranges.clear(ordinal);
      p.setColumns(ordinal, null, List.of());
      p.grid.values().forEach(c -> c.remove(ordinal));
      p.grid.values().removeIf(c -> c.size() == 0);
    }
  }

  /**
   * Every entry of the index with documents named by id, in a canonical order: two indexes that
   * hold the same documents render equally however they came to hold them (updates, removals).
   */
  String render() {
    StringBuilder out = new StringBuilder();
    java.util.function.IntFunction<String> id = o -> ids[o];
    out.append("live ").append(sortedIds(live.toArray())).append('\n');
    new TreeMap<>(params)
        .forEach(
            (name, p) -> {
              String at = name + " ";
              out.append(at).append("present ").append(sortedIds(p.present.toArray())).append('\n');
              for (PostingMap map : List.of(p.keys, p.exact)) {
                TreeMap<String, String> sorted = new TreeMap<>();
                map.forEach((k, docs) -> sorted.put(k, sortedIds(docs)));
                sorted.forEach(
                    (k, docs) -> out.append(at).append(k).append(' ').append(docs).append('\n'));
              }
              for (var map : List.of(p.words, p.folded)) {
                map.forEach(
                    (k, v) ->
                        out.append(at)
                            .append(k)
                            .append(' ')
                            .append(sortedIds(Postings.array(v)))
                            .append('\n'));
              }
              new TreeMap<>(p.grid)
                  .forEach(
                      (cell, c) -> {
                        List<String> points = new java.util.ArrayList<>();
                        for (int i = 0; i < c.size(); i++) {
                          points.add(id.apply(c.ordinal(i)) + "@" + c.lat(i) + "," + c.lon(i));
                        }
                        out.append(at)
                            .append(cell)
                            .append(' ')
                            .append(new java.util.TreeSet<>(points));
                        out.append('\n');
                      });
              TreeMap<String, String> columns = new TreeMap<>();
              for (int o = 0; o < idCount; o++) {
                double[] ranges = p.ranges.all(o);
                if (p.sortKey(o) != null || ranges.length > 0 || !p.references(o).isEmpty()) {
                  columns.put(
                      ids[o], p.sortKey(o) + " " + Arrays.toString(ranges) + " " + p.references(o));
                }
              }
              columns.forEach(
                  (doc, v) -> out.append(at).append(doc).append(' ').append(v).append('\n'));
            });
    return out.toString();
  }

  private String sortedIds(int[] ordinals) {
    return Arrays.stream(ordinals).mapToObj(o -> ids[o]).sorted().toList().toString();
  }

  static long cell(double lat, double lon) {
    long row = (long) Math.floor((lat + 90) / CELL_DEGREES);
    long col = (long) Math.floor((lon + 180) / CELL_DEGREES);
    return row * 1000 + col;
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
    int o = find(id);
    return o >= 0 && live.contains(o) ? o : null;
  }

  /** Position of each ordinal in id order (for the default sort); rebuilt after additions. */
  int[] ranks() {
    if (rankStale || rankById.length != idCount) {
      Integer[] order = new Integer[idCount];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> ids[a].compareTo(ids[b]));
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
