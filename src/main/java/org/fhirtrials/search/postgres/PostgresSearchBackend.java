package org.fhirtrials.search.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.fhirtrials.search.ParamDef;
import org.fhirtrials.search.ParamKind;
import org.fhirtrials.search.SearchBackend;
import org.fhirtrials.search.SearchException;
import org.fhirtrials.search.SearchHits;
import org.fhirtrials.search.SearchParamRegistry;
import org.fhirtrials.search.Values;

/**
 * Search of one base in PostgreSQL (DESIGN D6): every search is SQL over the side tables that
 * {@link PostgresSearchIndexer} writes with each trial, so a server holds no index, sees other
 * processes' writes at once, and any number of replicas share one database. Each search reads one
 * snapshot (a read-only repeatable-read transaction). The order ({@code _sort}) is applied here to
 * the fetched ids and sort keys with exactly the comparators of the in-memory index.
 */
public final class PostgresSearchBackend implements SearchBackend {
  private final DataSource dataSource;
  private final String base;
  private final SearchParamRegistry registry;

  /**
   * @param base the base's name in the side tables ({@code r4}, {@code r5})
   */
  public PostgresSearchBackend(DataSource dataSource, String base, SearchParamRegistry registry) {
    this.dataSource = dataSource;
    this.base = base;
    this.registry = registry;
  }

  @Override
  public SearchParamRegistry registry() {
    return registry;
  }

  @Override
  public boolean readsStoreDirectly() {
    return true;
  }

  private void served(String type) {
    if (!registry.types().contains(type)) {
      throw new SearchException("Resource type '" + type + "' is not searchable on this server");
    }
  }

  @Override
  public SearchHits search(String type, Map<String, String[]> parameters, boolean lenient) {
    served(type);
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        try (var s = c.createStatement()) {
          // seq scans only where no index applies (:not, :missing=true, no clause at all): the
          // planner does not count the cost of comparing each row's tokens array, and chose to
          // scan every study for a status matching 12% of them (65 ms, against 1.5 ms by GIN)
          s.execute(
              "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY;"
                  + " SET LOCAL enable_seqscan = off");
        }
        SearchHits hits = search(c, type, parameters, lenient);
        c.commit();
        return hits;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("search of " + type + " failed: " + e.getMessage(), e);
    }
  }

  private SearchHits search(
      Connection c, String type, Map<String, String[]> parameters, boolean lenient)
      throws SQLException {
    SqlQuery query = new SqlQuery(c, base, registry, type, lenient, new int[1]);
    Sql where = Sql.join("AND", query.conditions("r", parameters));
    List<SortKey> keys = sortKeys(type, parameters.get("_sort"), lenient);
    List<String> terms = new ArrayList<>(new LinkedHashSet<>(query.textTerms));
    boolean score = keys.stream().anyMatch(k -> k.kind == SortKind.SCORE);

    StringBuilder sql = new StringBuilder("SELECT r.res_id");
    List<Object> args = new ArrayList<>();
    for (SortKey k : keys) {
      if (k.kind == SortKind.PARAM) {
        sql.append(k.numeric ? ", r.sort_number ->> ?" : ", r.sort_text ->> ?");
        args.add(k.param);
      }
    }
    if (score) {
      for (String t : terms) {
        sql.append(", coalesce(r.text_title @@ ?::tsquery, false)");
        args.add(SqlQuery.tsquery(List.of(t)));
      }
    }
    sql.append(" FROM search_resource r WHERE r.base = ? AND r.res_type = ? AND ")
        .append(where.text);
    args.add(base);
    args.add(type);
    args.addAll(where.args);

    List<Row> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      Sql.bind(c, ps, 1, args);
      // every row is read, so no cursor (fetch size): PostgreSQL plans a cursor for its first
      // rows (cursor_tuple_fraction) and chose a scan of the whole type, 100 ms against 3 ms
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Row row = new Row(rs.getString(1), keys.size());
          int col = 2;
          for (int i = 0; i < keys.size(); i++) {
            SortKey k = keys.get(i);
            if (k.kind == SortKind.PARAM) {
              String v = rs.getString(col++);
              row.sort[i] = v == null ? null : k.parse(v);
            }
          }
          if (score) {
            row.inTitle = new boolean[terms.size()];
            for (int t = 0; t < terms.size(); t++) {
              row.inTitle[t] = rs.getBoolean(col++);
            }
          }
          rows.add(row);
        }
      }
    }
    if (score) {
      scores(c, type, rows, query.textTerms, terms);
    }
    rows.sort(order(keys, query.distances));
    List<String> ids = new ArrayList<>(rows.size());
    List<Double> distances = new ArrayList<>();
    for (Row row : rows) {
      ids.add(row.id);
      if (!query.distances.isEmpty()) {
        distances.add(query.distances.get(row.id));
      }
    }
    return new SearchHits(ids, distances);
  }

  /** Relevance as the in-memory index computes it: sum of term idf, doubled in a title. */
  private void scores(
      Connection c, String type, List<Row> rows, List<String> allTerms, List<String> terms)
      throws SQLException {
    long n;
    Map<String, Long> df = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT count(*) FROM search_resource WHERE base = ? AND res_type = ?")) {
      ps.setString(1, base);
      ps.setString(2, type);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        n = Math.max(1, rs.getLong(1));
      }
    }
    for (String t : terms) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT count(*) FROM search_resource WHERE text_body @@ ?::tsquery AND base = ?"
                  + " AND res_type = ?")) {
        ps.setString(1, SqlQuery.tsquery(List.of(t)));
        ps.setString(2, base);
        ps.setString(3, type);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          df.put(t, rs.getLong(1));
        }
      }
    }
    for (Row row : rows) {
      double s = 0;
      for (String t : allTerms) {
        long d = df.get(t);
        double idf = Math.log(1.0 + n / (double) (d == 0 ? 1 : d));
        s += idf * (row.inTitle[terms.indexOf(t)] ? 2 : 1);
      }
      row.score = s;
    }
  }

  private enum SortKind {
    SCORE,
    DISTANCE,
    ID,
    PARAM
  }

  private record SortKey(SortKind kind, String param, boolean numeric, boolean date, boolean desc) {
    Comparable<?> parse(String v) {
      return !numeric ? v : date ? (Comparable<?>) Long.valueOf(v) : Double.valueOf(v);
    }
  }

  private static final class Row {
    final String id;
    final Comparable<?>[] sort;
    boolean[] inTitle;
    double score;

    Row(String id, int keys) {
      this.id = id;
      this.sort = new Comparable<?>[keys];
    }
  }

  /**
   * {@code _sort} as the in-memory index reads it (unknown keys fail, or are ignored if lenient).
   */
  private List<SortKey> sortKeys(String type, String[] sortParams, boolean lenient) {
    List<SortKey> out = new ArrayList<>();
    if (sortParams == null) {
      return out;
    }
    for (String sortParam : sortParams) {
      for (String key : Values.splitOr(sortParam)) {
        boolean desc = key.startsWith("-");
        String name = key.replaceFirst("^-", "");
        if (name.equals("_score")) {
          out.add(new SortKey(SortKind.SCORE, name, false, false, desc));
        } else if (name.equals(SearchParamRegistry.NEAR) || name.equals("_distance")) {
          out.add(new SortKey(SortKind.DISTANCE, name, false, false, desc));
        } else if (name.equals("_id")) {
          out.add(new SortKey(SortKind.ID, name, false, false, desc));
        } else {
          ParamDef def = registry.params(type).get(name);
          if (def == null) {
            if (lenient) {
              continue;
            }
            throw new SearchException("_sort: '" + name + "' is not a search parameter of " + type);
          }
          boolean date = def.kind() == ParamKind.DATE;
          boolean numeric = date || def.kind() == ParamKind.NUMBER;
          out.add(new SortKey(SortKind.PARAM, name, numeric, date, desc));
        }
      }
    }
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparator<Row> order(List<SortKey> keys, Map<String, Double> distances) {
    Comparator<Row> byId = Comparator.comparing(r -> r.id);
    Comparator<Row> order = null;
    for (int i = 0; i < keys.size(); i++) {
      SortKey k = keys.get(i);
      int at = i;
      Comparator<Row> c =
          switch (k.kind) {
            case SCORE -> Comparator.comparingDouble(r -> -r.score);
            case DISTANCE ->
                Comparator.comparingDouble(r -> distances.getOrDefault(r.id, Double.MAX_VALUE));
            case ID -> byId;
            case PARAM -> {
              Comparator<Comparable> natural = Comparator.naturalOrder();
              // resources without a value sort last
              yield Comparator.comparing(
                  (Row r) -> (Comparable) r.sort[at], Comparator.nullsLast(natural));
            }
          };
      c = k.desc ? c.reversed() : c;
      order = order == null ? c : order.thenComparing(c);
    }
    return order == null ? byId : order.thenComparing(byId);
  }

  @Override
  public List<String> referencing(String type, String param, Collection<String> targets) {
    served(type);
    String[] keys = targets.stream().map(t -> param + " " + t).toArray(String[]::new);
    List<String> ids = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT res_id FROM search_resource WHERE base = ? AND res_type = ? AND tokens && ?"
                    + " ORDER BY res_id")) {
      ps.setString(1, base);
      ps.setString(2, type);
      ps.setArray(3, c.createArrayOf("text", keys));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("search of " + type + " failed: " + e.getMessage(), e);
    }
    return ids;
  }

  @Override
  public List<String> references(String type, String id, String param) {
    return references(type, List.of(id), param).getOrDefault(id, List.of());
  }

  /** One query for all the resources (the matches of a search page). */
  @Override
  public Map<String, List<String>> references(String type, Collection<String> ids, String param) {
    served(type);
    String prefix = param + " ";
    Map<String, List<String>> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT res_id, tokens FROM search_resource WHERE base = ? AND res_type = ?"
                    + " AND res_id = ANY (?)")) {
      ps.setString(1, base);
      ps.setString(2, type);
      ps.setArray(3, c.createArrayOf("text", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<String> refs = new ArrayList<>();
          for (String token : (String[]) rs.getArray(2).getArray()) {
            if (token.startsWith(prefix) && token.indexOf('/', prefix.length()) >= 0) {
              refs.add(token.substring(prefix.length()));
            }
          }
          if (!refs.isEmpty()) {
            out.put(rs.getString(1), refs);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("search of " + type + " failed: " + e.getMessage(), e);
    }
    return out;
  }

  /** Served types, for callers that check a type before searching. */
  public Set<String> types() {
    return registry.types();
  }
}
