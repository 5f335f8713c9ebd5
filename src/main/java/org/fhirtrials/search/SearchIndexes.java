package org.fhirtrials.search;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory search index of one base: one {@link TypeIndex} per served type. A saved trial is
 * queued by {@link #changed}; the queue is applied (its resources mapped and indexed) before the
 * next search, so saving stays cheap and a search never sees a half-indexed trial.
 */
public final class SearchIndexes implements SearchBackend {
  private static final Logger log = LoggerFactory.getLogger(SearchIndexes.class);
  private static final String TITLE_WORDS = DocumentExtractor.TITLE_WORDS;

  /** Chunks at least this long are prepared on all cores. */
  private static final int PARALLEL_BATCH = 64;

  /** Trials prepared at a time when applying a queue (bounds the memory of a bulk load). */
  private static final int CHUNK = 256;

  private final FhirContext ctx;
  private final SearchParamRegistry registry;
  private final IndexSource source;
  private final DocumentExtractor extractor;
  private final Map<String, TypeIndex> indexes = new HashMap<>();

  /** The served types in a fixed order: a type's number is its position. */
  private final List<String> types;

  private final StringPool strings;
  private final Set<String> pending = ConcurrentHashMap.newKeySet();

  /** What the index holds of each trial. */
  private final Map<String, Indexed> indexed = new ConcurrentHashMap<>();

  /** Bits of an ordinal in a tagged one (see {@link Indexed}): below the type's number. */
  private static final int TYPE_SHIFT = 28;

  /**
   * What the index holds of a trial: the version it indexed (read again to remove its entries), and
   * the ordinals of its documents, each tagged with its type's number ({@code number << TYPE_SHIFT
   * | ordinal}). One entry per trial rather than a map of ordinals per type: at 100k trials seven
   * maps per base cost about 35 MB each in entries and arrays.
   */
  private record Indexed(IndexSource.Version version, int[] documents) {
    /** The ordinals of the trial's documents of one type. */
    int[] of(int type) {
      return Arrays.stream(documents)
          .filter(d -> d >>> TYPE_SHIFT == type)
          .map(d -> d & ((1 << TYPE_SHIFT) - 1))
          .toArray();
    }
  }

  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /** Trials indexed since the indexes last gave back spare room (guarded by the write lock). */
  private int changedSinceTrim;

  private final AtomicBoolean indexingScheduled = new AtomicBoolean();

  /** One daemon thread, started on demand and ended when idle. */
  private final ThreadPoolExecutor background =
      new ThreadPoolExecutor(
          0,
          1,
          5,
          TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(),
          r -> {
            Thread t = new Thread(r, "search-index");
            t.setDaemon(true);
            return t;
          });

  public SearchIndexes(FhirContext ctx, SearchParamRegistry registry, IndexSource source) {
    this(ctx, registry, source, new StringPool());
  }

  /**
   * @param strings the pool of the index's strings (may be shared with the index of another base)
   */
  public SearchIndexes(
      FhirContext ctx, SearchParamRegistry registry, IndexSource source, StringPool strings) {
    this.ctx = ctx;
    this.strings = strings;
    this.registry = registry;
    this.source = source;
    this.extractor = new DocumentExtractor(ctx, registry);
    this.types = List.copyOf(registry.types());
    if (types.size() > 1 << (Integer.SIZE - TYPE_SHIFT)) {
      throw new IllegalArgumentException("at most 16 served types: " + types);
    }
    types.forEach(t -> indexes.put(t, new TypeIndex(registry.params(t))));
  }

  public SearchParamRegistry registry() {
    return registry;
  }

  /** Queues a trial for (re-)indexing. */
  public void changed(String nctId) {
    pending.add(nctId);
    scheduleIndexing();
  }

  /** Queues every stored trial (used once at start and by stores that cannot notify). */
  public void changedAll() {
    pending.addAll(source.trialIds());
    scheduleIndexing();
  }

  /**
   * Indexes queued trials in the background too (a search still applies whatever is queued when it
   * runs), so a bulk load is indexed while it loads rather than by the first search.
   */
  private void scheduleIndexing() {
    if (!pending.isEmpty() && indexingScheduled.compareAndSet(false, true)) {
      background.execute(
          () -> {
            indexingScheduled.set(false);
            try {
              applyPending();
              trimWhenIdle();
            } catch (RuntimeException e) {
              log.warn("Background indexing failed (searches index on demand): {}", e.toString());
            }
          });
    }
  }

  /** How long nothing must be queued before the indexes give back their spare room. */
  private static final long IDLE_MILLIS = 1000;

  /**
   * Gives back the spare room of the posting lists once changes have gone quiet (nothing queued for
   * {@link #IDLE_MILLIS}) and any trial was indexed since the last trim. A list grows by doubling,
   * so the lists that the last trials of a load touched (every common word's, every frequent
   * value's) would otherwise keep up to half their room empty: about 0.3 GB at 100k trials.
   */
  private void trimWhenIdle() {
    if (!pending.isEmpty() || changedSinceTrim == 0) {
      return;
    }
    try {
      Thread.sleep(IDLE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (!pending.isEmpty()) {
      return; // more is coming: the next batch decides
    }
    lock.writeLock().lock();
    try {
      if (pending.isEmpty() && changedSinceTrim > 0) {
        indexes.values().forEach(TypeIndex::trim);
        changedSinceTrim = 0;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  TypeIndex index(String type) {
    TypeIndex index = indexes.get(type);
    if (index == null) {
      throw new SearchException("Resource type '" + type + "' is not searchable on this server");
    }
    return index;
  }

  /**
   * Runs a search: parameters as the request gave them ({@code name[:modifier]} → values).
   *
   * @param lenient ignore unknown parameters and bad values instead of failing
   */
  public SearchHits search(String type, Map<String, String[]> parameters, boolean lenient) {
    return ordered(type, parameters, lenient).all();
  }

  /** {@inheritDoc} Each page is put in order when it is read (see {@link OrderedHits}). */
  @Override
  public SearchResult find(
      String type, Map<String, String[]> parameters, boolean lenient, int firstPage) {
    return ordered(type, parameters, lenient);
  }

  private OrderedHits ordered(String type, Map<String, String[]> parameters, boolean lenient) {
    applyPending();
    lock.readLock().lock();
    try {
      QueryEngine engine = new QueryEngine(this, type, lenient);
      int[] hits = engine.run(parameters);
      return order(type, hits, engine, parameters.get("_sort"), lenient);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The index of a type, rendered canonically (see {@link TypeIndex#render}). */
  String render(String type) {
    applyPending();
    lock.readLock().lock();
    try {
      return index(type).render();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Ids of resources of {@code type} whose reference parameter points to any of the targets. */
  public List<String> referencing(String type, String param, Collection<String> targets) {
    applyPending();
    lock.readLock().lock();
    try {
      TypeIndex index = index(type);
      TypeIndex.ParamIndex p = index.param(param);
      List<int[]> sets = new ArrayList<>();
      for (String target : targets) {
        int[] hit = p.keys.get(p.referenceKey(target));
        if (hit.length > 0) {
          sets.add(hit);
        }
      }
      return Arrays.stream(Postings.or(sets)).mapToObj(index::id).toList();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The {@code Type/id} references a resource's reference parameter holds. */
  public List<String> references(String type, String id, String param) {
    applyPending();
    lock.readLock().lock();
    try {
      TypeIndex index = index(type);
      Integer ordinal = index.ordinal(id);
      return ordinal == null ? List.of() : index.param(param).references(ordinal);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Distances above this (farther than any two points on Earth) sort as equal, last. */
  private static final double MAX_KM = 25_000;

  /**
   * Bits of a rank in a packed distance key: 2^27 documents of a type (25,000 km in mm: 35 bits).
   */
  private static final int RANK_BITS = 27;

  private static boolean byDistanceOnly(String[] sortParams) {
    return sortParams != null
        && sortParams.length == 1
        && (sortParams[0].equals(SearchParamRegistry.NEAR) || sortParams[0].equals("_distance"));
  }

  /** The hits in result order. */
  private OrderedHits order(
      String type, int[] hits, QueryEngine engine, String[] sortParams, boolean lenient) {
    TypeIndex index = index(type);
    int[] ranks = index.ranks();
    String[] ids = index.idsByOrdinal();
    if (byDistanceOnly(sortParams)) {
      // by distance then id: one primitive sort of (distance in millimetres, rank) pairs, which
      // orders as the comparators would except distances within a millimetre (then by id)
      long[] packed = new long[hits.length];
      for (int i = 0; i < hits.length; i++) {
        double km = engine.distances.get(hits[i], MAX_KM);
        long millimetres = Math.round(Math.min(km, MAX_KM) * 1e6);
        packed[i] = (millimetres << RANK_BITS) | ranks[hits[i]];
      }
      int[] byRank = index.ordinalsByRank();
      return OrderedHits.byKey(
          packed, p -> byRank[(int) (p & ((1L << RANK_BITS) - 1))], ids, engine.distances);
    }
    List<Comparator<Integer>> keys = new ArrayList<>();
    if (sortParams != null) {
      for (String sortParam : sortParams) {
        for (String key : Values.splitOr(sortParam)) {
          Comparator<Integer> c = sortKey(type, key.replaceFirst("^-", ""), engine, lenient, hits);
          if (c != null) {
            keys.add(key.startsWith("-") ? c.reversed() : c);
          }
        }
      }
    }
    if (keys.isEmpty()) {
      // by id: one primitive sort of (rank, ordinal) pairs
      long[] packed = new long[hits.length];
      for (int i = 0; i < hits.length; i++) {
        packed[i] = ((long) ranks[hits[i]] << 32) | hits[i];
      }
      return OrderedHits.byKey(packed, p -> (int) p, ids, engine.distances);
    }
    // the keys compare positions in hits (their values computed once per hit), then by id
    Comparator<Integer> order = keys.get(0);
    for (Comparator<Integer> k : keys.subList(1, keys.size())) {
      order = order.thenComparing(k);
    }
    order = order.thenComparingInt(i -> ranks[hits[i]]);
    Integer[] positions = new Integer[hits.length];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = i;
    }
    Arrays.sort(positions, order);
    int[] out = new int[hits.length];
    for (int i = 0; i < positions.length; i++) {
      out[i] = hits[positions[i]];
    }
    return OrderedHits.of(out, ids, engine.distances);
  }

  /** A comparator of positions in {@code hits} by one sort key; null when leniently ignored. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private Comparator<Integer> sortKey(
      String type, String key, QueryEngine engine, boolean lenient, int[] hits) {
    TypeIndex index = index(type);
    if (key.equals("_score")) {
      TypeIndex.ParamIndex text = index.param(SearchParamRegistry.TEXT);
      TypeIndex.ParamIndex titles = index.param(TITLE_WORDS);
      int n = Math.max(1, index.count());
      // relevance: sum of term idf, doubled when the term is in a title; best first
      double[] scores = new double[hits.length];
      for (int i = 0; i < hits.length; i++) {
        double s = 0;
        for (String t : engine.textTerms) {
          double idf = Math.log(1.0 + n / (double) Math.max(1, text.keys.count(t)));
          s += idf * (titles.keys.contains(t, hits[i]) ? 2 : 1);
        }
        scores[i] = -s;
      }
      return Comparator.comparingDouble(i -> scores[i]);
    }
    if (key.equals(SearchParamRegistry.NEAR) || key.equals("_distance")) {
      double[] distances = new double[hits.length];
      for (int i = 0; i < hits.length; i++) {
        distances[i] = engine.distances.get(hits[i], Double.MAX_VALUE);
      }
      return Comparator.comparingDouble(i -> distances[i]);
    }
    if (key.equals("_id")) {
      int[] ranks = index.ranks();
      return Comparator.comparingInt(i -> ranks[hits[i]]);
    }
    if (!registry.params(type).containsKey(key)) {
      if (lenient) {
        return null;
      }
      throw new SearchException("_sort: '" + key + "' is not a search parameter of " + type);
    }
    // the sort key of each hit, from its indexed values
    TypeIndex.ParamIndex p = index.param(key);
    Comparable[] values = new Comparable[hits.length];
    for (int i = 0; i < hits.length; i++) {
      values[i] = p.sortKey(hits[i]);
    }
    Comparator<Comparable> natural = Comparator.naturalOrder();
    // resources without a value sort last
    return Comparator.comparing(i -> values[i], Comparator.nullsLast(natural));
  }

  /**
   * Indexes the queued trials: their resources are mapped and their values extracted on all cores,
   * then added to the indexes one trial after another.
   */
  private void applyPending() {
    if (pending.isEmpty()) {
      return;
    }
    lock.writeLock().lock();
    try {
      List<String> batch = new ArrayList<>(pending);
      // one by one: the key set's removeAll(List) would test List.contains per key (quadratic)
      batch.forEach(pending::remove);
      if (batch.isEmpty()) {
        return; // another thread indexed the queue while this one waited for the lock
      }
      // prepared in chunks, so a large queue (a bulk load) never holds all its entries at once;
      // the next chunk is prepared on the other cores while this thread indexes the last one
      List<List<String>> chunks = new ArrayList<>();
      for (int from = 0; from < batch.size(); from += CHUNK) {
        chunks.add(batch.subList(from, Math.min(batch.size(), from + CHUNK)));
      }
      Preparation next = new Preparation(chunks.get(0));
      for (int i = 0; i < chunks.size(); i++) {
        List<Prepared> prepared = next.join();
        next = i + 1 < chunks.size() ? new Preparation(chunks.get(i + 1)) : null;
        prepared.forEach(this::index);
      }
      indexes.values().forEach(TypeIndex::ranks);
      changedSinceTrim += batch.size();
      if (changedSinceTrim >= Math.max(CHUNK, indexed.size() / 8)) {
        // a bulk load (in one batch or many): its posting lists keep no spare room; a geometric
        // series of trims, so at most an eighth of the index has any
        indexes.values().forEach(TypeIndex::trim);
        changedSinceTrim = 0;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Puts a prepared trial in the indexes, in place of what they held of it. */
  private void index(Prepared p) {
    Indexed held = indexed.get(p.nctId());
    int[] documents = new int[0];
    for (int t = 0; t < types.size(); t++) {
      String type = types.get(t);
      Map<String, Map<String, Extracted>> docs = p.byType().get(type);
      int[] before = held == null ? Postings.EMPTY : held.of(t);
      int[] now =
          docs == null
              ? before
              : indexes
                  .get(type)
                  .replaceTrial(before, p.previous() == null ? null : p.previous().get(type), docs);
      int from = documents.length;
      documents = Arrays.copyOf(documents, from + now.length);
      for (int i = 0; i < now.length; i++) {
        documents[from + i] = t << TYPE_SHIFT | now[i];
      }
    }
    if (p.version() == null) {
      indexed.remove(p.nctId());
    } else {
      indexed.put(p.nctId(), new Indexed(p.version(), documents));
    }
  }

  /**
   * The preparation of a chunk of trials: a large chunk starts on the other cores at once, and the
   * thread that joins it prepares what is left (so the indexing thread adds the last chunk to the
   * index while the next one is prepared, then helps).
   */
  private final class Preparation {
    private final List<String> chunk;
    private final Prepared[] prepared;
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch done;

    Preparation(List<String> chunk) {
      this.chunk = chunk;
      this.prepared = new Prepared[chunk.size()];
      this.done = new CountDownLatch(chunk.size());
      if (chunk.size() >= PARALLEL_BATCH) {
        int helpers = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        for (int i = 0; i < helpers; i++) {
          ForkJoinPool.commonPool().execute(this::work);
        }
      }
    }

    private void work() {
      for (int i = next.getAndIncrement(); i < chunk.size(); i = next.getAndIncrement()) {
        try {
          prepared[i] = prepare(chunk.get(i));
        } catch (RuntimeException e) {
          // one trial that cannot be mapped or extracted must not keep the others out of the index
          log.warn(
              "Trial {} could not be indexed; what the index held for it stays: {}",
              chunk.get(i),
              e.toString());
        } finally {
          done.countDown();
        }
      }
    }

    List<Prepared> join() {
      work();
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while indexing", e);
      }
      return Arrays.stream(prepared).filter(Objects::nonNull).toList();
    }
  }

  /**
   * The index entries of one trial's resources, by type, resource id and parameter.
   *
   * @param version the trial's version they are made from; null when the trial is gone
   * @param previous the entries of the version the index holds; null when there is none, or when it
   *     could not be read again
   */
  private record Prepared(
      String nctId,
      IndexSource.Version version,
      Map<String, Map<String, Map<String, Extracted>>> byType,
      Map<String, Map<String, Map<String, Extracted>>> previous) {}

  private Prepared prepare(String nctId) {
    IndexSource.Version version = source.current(nctId);
    Map<String, Map<String, Map<String, Extracted>>> byType =
        version == null ? extractor.extract(List.of(), null) : extract(version);
    // compact and with pooled strings, prepared here on all cores rather than under the lock;
    // a string naming the trial (its resources' ids and references to them) is held by no other
    // trial: one instance serves the trial's documents (in both bases), outside the pool (which
    // would grow by every resource id)
    String[] offered = strings.takeTrialStrings(nctId);
    Map<String, String> own = new HashMap<>();
    UnaryOperator<String> canonical =
        s ->
            s.contains(nctId)
                ? own.computeIfAbsent(s, k -> StringPool.shared(offered, k))
                : strings.canonical(s);
    byType.replaceAll(
        (type, docs) -> {
          Map<String, Map<String, Extracted>> pooled = new LinkedHashMap<>();
          docs.forEach(
              (id, entries) -> {
                entries
                    .values()
                    .forEach(
                        e -> {
                          e.compact();
                          e.canonicalise(canonical);
                        });
                pooled.put(canonical.apply(id), entries);
              });
          return pooled;
        });
    if (offered == null) {
      strings.offerTrialStrings(nctId, own.values());
    }
    Indexed before = indexed.get(nctId);
    Map<String, Map<String, Map<String, Extracted>>> previous = null;
    if (before != null) {
      try {
        previous = extract(before.version());
      } catch (RuntimeException e) {
        // indexed before, so this is not expected; the index then scans the trial's entries out
        log.error("Trial {}: its indexed version could not be read again: {}", nctId, e.toString());
      }
    }
    return new Prepared(nctId, version, byType, previous);
  }

  /** A version's entries; only what a document has (most parameters are empty on most). */
  private Map<String, Map<String, Map<String, Extracted>>> extract(IndexSource.Version version) {
    IndexSource.Contents contents = version.contents();
    Map<String, Map<String, Map<String, Extracted>>> byType =
        extractor.extract(contents.resources(), contents::text);
    byType.values().stream()
        .flatMap(docs -> docs.values().stream())
        .forEach(entries -> entries.values().removeIf(Extracted::isEmpty));
    return byType;
  }
}
