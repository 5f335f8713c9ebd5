package org.fhirtrials.search.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.fhirtrials.model.Trial;
import org.fhirtrials.search.DateRange;
import org.fhirtrials.search.DocumentExtractor;
import org.fhirtrials.search.Extracted;
import org.fhirtrials.search.IndexSource;
import org.fhirtrials.search.SearchParamRegistry;
import org.fhirtrials.search.Text;
import org.fhirtrials.store.StoredTrial;
import org.fhirtrials.store.postgres.SearchRows;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Writes the search side tables (migrations V2, V5, V6 and V7) of stored trials, for every base:
 * maps each trial to the base's resources, extracts every parameter with the {@link
 * DocumentExtractor} the in-memory index uses, and replaces the trial's rows (with {@code COPY}),
 * all in the caller's transaction. A resource with the same values in every base is written once,
 * as a row of the shared base.
 */
public final class PostgresSearchIndexer implements SearchRows {
  /** tsvector lexemes are limited to 2 KB; longer "words" are not searchable anyway. */
  private static final int MAX_LEXEME_BYTES = 2046;

  /**
   * Whether {@code s} can be a tsvector lexeme: what is indexed, and what a query may look for
   * ({@link SqlQuery} answers nothing for a longer term, as nothing longer was indexed).
   */
  static boolean fitsLexeme(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length <= MAX_LEXEME_BYTES;
  }

  /** A relative reference ({@code Type/id}): the keys that {@code search_reference} holds. */
  private static final Pattern REFERENCE = Pattern.compile("[A-Z][A-Za-z]*/[A-Za-z0-9.-]{1,64}");

  /**
   * One served base.
   *
   * @param name the base's name in the tables ({@code r4}, {@code r5})
   * @param extractor the base's parameters and their extraction
   * @param resources the served resources of a stored trial (ids and meta as served)
   * @param text the trial's text for {@code _text}/{@code _content}
   */
  public record Base(
      String name,
      DocumentExtractor extractor,
      Function<StoredTrial, List<? extends IBaseResource>> resources,
      Function<Trial, IndexSource.TrialText> text) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Trials written by this indexer, and when to refresh the planner statistics next. */
  private final AtomicLong written = new AtomicLong();

  private final AtomicLong nextAnalyze = new AtomicLong(1_000);

  private final List<Base> bases;
  private final ForkJoinPool workers;

  public PostgresSearchIndexer(List<Base> bases) {
    this.bases = List.copyOf(bases);
    this.workers =
        new ForkJoinPool(
            Runtime.getRuntime().availableProcessors(),
            pool -> {
              ForkJoinWorkerThread t =
                  ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
              t.setName("search-indexer-" + t.getPoolIndex());
              t.setDaemon(true);
              return t;
            },
            null,
            false);
  }

  @Override
  public void write(Connection c, List<StoredTrial> trials) throws SQLException {
    if (trials.isEmpty()) {
      return;
    }
    Array ids = c.createArrayOf("text", trials.stream().map(StoredTrial::nctId).toArray());
    for (String table : TABLES) {
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM " + table + " WHERE nct_id = ANY(?)")) {
        ps.setArray(1, ids);
        ps.executeUpdate();
      }
    }
    Rows rows = new Rows();
    for (List<Doc> docs : extractAll(trials)) {
      for (Doc d : docs) {
        rows.add(d.base(), d.type(), d.id(), d.nctId(), d.entries());
      }
    }
    rows.insert(c);
    long total = written.addAndGet(trials.size());
    long next = nextAnalyze.get();
    // at 1k, 4k, 16k, ... trials: each ANALYZE samples every table (0.5 s at 2k trials), and the
    // import ends with VACUUM ANALYZE anyway
    if (total >= next && nextAnalyze.compareAndSet(next, next * 4)) {
      // fresh statistics while a bulk load grows the tables, so searches get good plans now
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE " + String.join(", ", TABLES));
      }
    }
  }

  /** The documents of one resource: what {@link Rows#add} writes. */
  private record Doc(
      String base, String type, String id, String nctId, Map<String, Extracted> entries) {}

  /** Mapping and extraction dominate the cost of a save: spread over the processors. */
  private List<List<Doc>> extractAll(List<StoredTrial> trials) {
    if (trials.size() == 1) {
      return List.of(extract(trials.get(0)));
    }
    try {
      return workers.submit(() -> trials.parallelStream().map(this::extract).toList()).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while indexing", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
  }

  /**
   * The documents of every base. A resource whose parameters give the same values in each base is
   * one document of the {@link Sql#SHARED_BASE shared base}, written once.
   */
  private List<Doc> extract(StoredTrial stored) {
    List<Map<String, Map<String, Map<String, Extracted>>>> byBase = new ArrayList<>();
    for (Base base : bases) {
      byBase.add(
          base.extractor()
              .extract(base.resources().apply(stored), () -> base.text().apply(stored.trial())));
    }
    List<Doc> docs = new ArrayList<>();
    Set<String> shared = new HashSet<>();
    for (int b = 0; b < bases.size(); b++) {
      for (var type : byBase.get(b).entrySet()) {
        for (var doc : type.getValue().entrySet()) {
          String key = type.getKey() + "/" + doc.getKey();
          String base = bases.get(b).name();
          if (b == 0 && bases.size() > 1 && sameInEveryBase(byBase, type.getKey(), doc)) {
            shared.add(key);
            base = Sql.SHARED_BASE;
          } else if (shared.contains(key)) {
            continue; // written once, as the first base's
          }
          docs.add(new Doc(base, type.getKey(), doc.getKey(), stored.nctId(), doc.getValue()));
        }
      }
    }
    return docs;
  }

  private static boolean sameInEveryBase(
      List<Map<String, Map<String, Map<String, Extracted>>>> byBase,
      String type,
      Map.Entry<String, Map<String, Extracted>> doc) {
    for (int b = 1; b < byBase.size(); b++) {
      Map<String, Extracted> other = byBase.get(b).getOrDefault(type, Map.of()).get(doc.getKey());
      if (other == null
          || !sameValues(doc.getValue(), other)
          || !sameValues(other, doc.getValue())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether every parameter with values in {@code a} has the same values in {@code b} (a parameter
   * without values writes no row: a base may define it and the other not).
   */
  private static boolean sameValues(Map<String, Extracted> a, Map<String, Extracted> b) {
    for (var param : a.entrySet()) {
      Extracted values = param.getValue();
      Extracted other = b.get(param.getKey());
      if (!values.isEmpty() && (other == null || !values.sameValues(other))) {
        return false;
      }
    }
    return true;
  }

  /** The rows of a batch, as COPY text per table. */
  private static final class Rows {
    private final CopyRows resources =
        new CopyRows(
            "search_resource",
            "base, res_type, res_id, nct_id, tokens, sort_text, sort_number, text_body,"
                + " text_title, words");
    private final CopyRows strings = side("search_string", "folded, exact");
    private final CopyRows dates = side("search_date", "low, high");
    private final CopyRows numbers = side("search_number", "value");
    private final CopyRows points = side("search_point", "lat, lon");
    private final CopyRows references = side("search_reference", "target");

    private static CopyRows side(String table, String valueColumns) {
      return new CopyRows(table, "base, res_type, param, res_id, nct_id, " + valueColumns);
    }

    /** A side-table row's key columns: base, type, parameter, id, NCT id. */
    private static CopyRows keyed(CopyRows table, String[] key) {
      for (String k : key) {
        table.text(k);
      }
      return table;
    }

    void add(String base, String type, String id, String nctId, Map<String, Extracted> entries) {
      List<String> tokens = new ArrayList<>();
      List<String> words = new ArrayList<>();
      Map<String, Object> sortText = new LinkedHashMap<>();
      Map<String, Object> sortNumber = new LinkedHashMap<>();
      List<String> body = null;
      List<String> title = null;
      for (Map.Entry<String, Extracted> entry : entries.entrySet()) {
        String param = entry.getKey();
        Extracted e = entry.getValue();
        if (param.equals(DocumentExtractor.TITLE_WORDS)) {
          title = lexemes(e);
          continue;
        }
        if (param.equals(SearchParamRegistry.TEXT) || param.equals(SearchParamRegistry.CONTENT)) {
          body = lexemes(e);
          if (!e.isEmpty()) {
            tokens.add(param);
            sortText.put(param, e.sortKey());
          }
          continue;
        }
        if (e.isEmpty()) {
          continue;
        }
        tokens.add(param);
        String[] key = {base, type, param, id, nctId};
        for (String k : e.keys()) {
          tokens.add(param + " " + k);
          if (REFERENCE.matcher(k).matches()) {
            keyed(references, key).text(k).endRow();
          }
        }
        for (String w : e.words()) {
          String lexeme = param + "|" + w;
          if (fitsLexeme(lexeme)) {
            words.add(lexeme);
          }
        }
        for (String str : e.strings()) {
          keyed(strings, key).text(Text.fold(str)).text(str).endRow();
        }
        for (DateRange d : e.dates()) {
          keyed(dates, key).number(d.low()).number(d.high()).endRow();
        }
        for (double n : e.numbers()) {
          keyed(numbers, key).number(n).endRow();
        }
        for (double[] p : e.points()) {
          keyed(points, key).number(p[0]).number(p[1]).endRow();
        }
        Comparable<?> sort = e.sortKey();
        if (sort instanceof String str) {
          sortText.put(param, str);
        } else if (sort != null) {
          sortNumber.put(param, sort);
        }
      }
      resources
          .text(base)
          .text(type)
          .text(id)
          .text(nctId)
          .textArray(tokens)
          .text(json(sortText))
          .text(json(sortNumber))
          .tsvector(body)
          .tsvector(title)
          .tsvector(words.isEmpty() ? null : words)
          .endRow();
    }

    void insert(Connection c) throws SQLException {
      for (CopyRows table : List.of(resources, strings, dates, numbers, points, references)) {
        table.copy(c);
      }
    }

    private static List<String> lexemes(Extracted e) {
      return e.keys().stream().filter(PostgresSearchIndexer::fitsLexeme).toList();
    }

    private static String json(Map<String, Object> map) {
      try {
        return JSON.writeValueAsString(map);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
