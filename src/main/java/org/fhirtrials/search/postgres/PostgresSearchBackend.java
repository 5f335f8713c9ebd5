package org.fhirtrials.search.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * snapshot (a read-only repeatable-read transaction). The order ({@code _sort}) is PostgreSQL's,
 * with the keys and tie-breaks of the in-memory index, and a page is cut in SQL ({@link
 * SqlSearch}).
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
    Map<String, String[]> uncounted = new LinkedHashMap<>(parameters);
    uncounted.put("_total", new String[] {"none"});
    SqlSearch result = find(type, uncounted, lenient, Integer.MAX_VALUE);
    List<String> ids = result.ids(0, Integer.MAX_VALUE);
    List<Double> distances = new ArrayList<>();
    if (result.near()) {
      ids.forEach(id -> distances.add(result.distanceKm(id)));
    }
    return new SearchHits(ids, distances);
  }

  /**
   * Translates the search (which may run queries of its own: {@code near} points, chain targets,
   * term frequencies for relevance) and reads its first page and total, in one read-only snapshot;
   * later pages are read when asked.
   */
  @Override
  public SqlSearch find(
      String type, Map<String, String[]> parameters, boolean lenient, int firstPage) {
    served(type);
    boolean counted = !List.of(parameters.getOrDefault("_total", new String[0])).contains("none");
    return read(
        c -> {
          SqlQuery query = new SqlQuery(c, base, registry, type, lenient, new int[1]);
          Sql where = Sql.join("AND", query.conditions("r", parameters));
          List<SortKey> keys = sortKeys(type, parameters.get("_sort"), lenient);
          // sorted by distance alone: every match is a near hit, ordered here (SqlSearch.readAll)
          boolean distanceOnly =
              keys.size() == 1
                  && keys.get(0).kind == SortKind.DISTANCE
                  && !query.distances.isEmpty();
          SqlSearch search =
              new SqlSearch(
                  this,
                  matches(type, where, keys, distanceOnly, query.distances),
                  !where.text.equals(Sql.TRUE.text),
                  distanceOnly ? List.of() : orderBy(c, type, keys, query.textTerms),
                  query.distances);
          if (distanceOnly) {
            Comparator<String> nearest =
                Comparator.comparingDouble(
                    id -> query.distances.getOrDefault(id, Double.MAX_VALUE));
            search.readAll(
                c,
                (keys.get(0).desc ? nearest.reversed() : nearest).thenComparing(id -> id),
                counted);
          } else {
            search.readFirst(c, firstPage, counted);
          }
          return search;
        });
  }

  /** {@code FROM ... WHERE ...} of the matches as rows {@code r} (and {@code nd}, distances). */
  private Sql matches(
      String type,
      Sql where,
      List<SortKey> keys,
      boolean distanceOnly,
      Map<String, Double> distances) {
    if (keys.isEmpty() && where.ids != null) {
      // one side-table lookup in id order (Location?address-city=Boston): its ids alone; a join
      // to search_resource cost a primary-key probe per match (8,137 at 100k trials)
      return new Sql(
          "FROM (SELECT DISTINCT x.res_id FROM (" + where.ids.text + ") x) r WHERE TRUE",
          where.ids.args);
    }
    StringBuilder from = new StringBuilder("FROM search_resource r");
    List<Object> args = new ArrayList<>();
    if (!distanceOnly && keys.stream().anyMatch(k -> k.kind == SortKind.DISTANCE)) {
      // each match's distance to the near point, as a relation to sort on with other keys
      from.append(" LEFT JOIN unnest(?::text[], ?::float8[]) AS nd(id, km) ON nd.id = r.res_id");
      args.add(distances.keySet().toArray(String[]::new));
      args.add(distances.values().toArray(Double[]::new));
    }
    from.append(" WHERE ")
        .append(Sql.ofBase("r"))
        .append(" AND r.res_type = ? AND ")
        .append(where.text);
    args.add(base);
    args.add(type);
    args.addAll(where.args);
    return new Sql(from.toString(), args);
  }

  /** Work on a connection of a search. */
  interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs the work in a read-only, repeatable-read transaction (one snapshot). */
  <T> T read(SqlWork<T> work) {
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
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("search of " + base + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * The sort keys, each ordered as the in-memory index orders it (missing values last, first when
   * descending: PostgreSQL's own default); {@link SqlSearch} adds the id.
   */
  private List<SqlSearch.Key> orderBy(
      Connection c, String type, List<SortKey> keys, List<String> textTerms) throws SQLException {
    List<String> terms = new ArrayList<>(new LinkedHashSet<>(textTerms));
    List<SqlSearch.Key> out = new ArrayList<>();
    Map<String, Double> idf = null;
    for (SortKey k : keys) {
      List<Object> args = new ArrayList<>();
      String expression =
          switch (k.kind) {
            case SCORE -> {
              if (idf == null) {
                idf = idf(c, type, terms);
              }
              // relevance as the in-memory index sums it, term by term: idf, doubled in a title
              StringBuilder score = new StringBuilder("(0::float8");
              for (String t : textTerms) {
                score.append(
                    " + ?::float8 * CASE WHEN r.text_title @@ ?::tsquery THEN 2 ELSE 1 END");
                args.add(idf.get(t));
                args.add(SqlQuery.tsquery(List.of(t)));
              }
              yield score.append(")").toString();
            }
            case DISTANCE -> "nd.km";
            case ID -> "r.res_id";
            case PARAM -> {
              args.add(k.param);
              // strings in code point order, as Java compares them
              yield k.numeric
                  ? "(r.sort_number ->> ?)::float8"
                  : "(r.sort_text ->> ?) COLLATE \"C\"";
            }
          };
      // best score first: ascending "_score" is descending relevance
      boolean desc = k.kind == SortKind.SCORE ? !k.desc : k.desc;
      out.add(new SqlSearch.Key(new Sql(expression, args), desc));
    }
    return out;
  }

  /** The idf of each term, as the in-memory index computes it: log(1 + n / df). */
  private Map<String, Double> idf(Connection c, String type, List<String> terms)
      throws SQLException {
    long n;
    Map<String, Double> idf = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT count(*) FROM search_resource WHERE " + Sql.ofBase("") + " AND res_type = ?")) {
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
              "SELECT count(*) FROM search_resource WHERE text_body @@ ?::tsquery AND "
                  + Sql.ofBase("")
                  + " AND res_type = ?")) {
        ps.setString(1, SqlQuery.tsquery(List.of(t)));
        ps.setString(2, base);
        ps.setString(3, type);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          long d = rs.getLong(1);
          idf.put(t, Math.log(1.0 + n / (double) (d == 0 ? 1 : d)));
        }
      }
    }
    return idf;
  }

  private enum SortKind {
    SCORE,
    DISTANCE,
    ID,
    PARAM
  }

  private record SortKey(SortKind kind, String param, boolean numeric, boolean desc) {}

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
          out.add(new SortKey(SortKind.SCORE, name, false, desc));
        } else if (name.equals(SearchParamRegistry.NEAR) || name.equals("_distance")) {
          out.add(new SortKey(SortKind.DISTANCE, name, false, desc));
        } else if (name.equals("_id")) {
          out.add(new SortKey(SortKind.ID, name, false, desc));
        } else {
          ParamDef def = registry.params(type).get(name);
          if (def == null) {
            if (lenient) {
              continue;
            }
            throw new SearchException("_sort: '" + name + "' is not a search parameter of " + type);
          }
          boolean numeric = def.kind() == ParamKind.DATE || def.kind() == ParamKind.NUMBER;
          out.add(new SortKey(SortKind.PARAM, name, numeric, desc));
        }
      }
    }
    return out;
  }

  /**
   * The ids of the resources of a type whose reference parameter points to any of the targets
   * ({@code Type/id}): base, type, parameter, targets.
   */
  static final String REFERENCING =
      "SELECT DISTINCT res_id FROM search_reference WHERE "
          + Sql.ofBase("")
          + " AND res_type = ? AND param = ? AND target = ANY(?) ORDER BY res_id";

  @Override
  public List<String> referencing(String type, String param, Collection<String> targets) {
    served(type);
    return read(
        c ->
            Sql.strings(
                c, new Sql(REFERENCING, base, type, param, targets.toArray(String[]::new))));
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
                "SELECT res_id, tokens FROM search_resource WHERE "
                    + Sql.ofBase("")
                    + " AND res_type = ? AND res_id = ANY (?)")) {
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
