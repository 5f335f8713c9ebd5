package org.fhirtrials.search.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fhirtrials.search.SearchResult;

/**
 * A translated search, read a page at a time: each page is one query that PostgreSQL sorts and cuts
 * ({@code ORDER BY} the sort keys, then the id; {@code LIMIT}), so a search with thousands of
 * matches sends a page of ids, not all of them. The total is one {@code count(*)}, run when the
 * search is made unless {@code _total=none}.
 *
 * <p>Pages are read when asked, so they see data as it is then. In the default order (by id) a page
 * that follows one already read continues after that page's last id (keyset), so inserts and
 * deletes before it neither repeat nor skip a match; other orders read by offset.
 */
final class SqlSearch implements SearchResult {
  private final PostgresSearchBackend backend;

  /** {@code FROM ... WHERE ...} of the matches (alias {@code r}). */
  private final Sql from;

  /** The sort keys, each with its direction; the id follows them. */
  private final Sql orderBy;

  private final boolean byIdOnly;
  private final Map<String, Double> distances;

  /** For the default order: the last id of each page read, by the offset that follows it. */
  private final Map<Integer, String> lastIdBefore = new ConcurrentHashMap<>();

  private volatile Integer total;

  SqlSearch(
      PostgresSearchBackend backend,
      Sql from,
      Sql orderBy,
      boolean byIdOnly,
      Map<String, Double> distances) {
    this.backend = backend;
    this.from = from;
    this.orderBy = orderBy;
    this.byIdOnly = byIdOnly;
    this.distances = Map.copyOf(distances);
  }

  /** Counts the matches (in the transaction that translated the search). */
  void count(java.sql.Connection c) throws java.sql.SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) " + from.text)) {
      Sql.bind(c, ps, 1, from.args);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        total = rs.getInt(1);
      }
    }
  }

  @Override
  public Integer total() {
    return total;
  }

  /** The distance of a match to the {@code near} point, when near was searched. */
  Double distanceKm(String id) {
    return distances.get(id);
  }

  boolean near() {
    return !distances.isEmpty();
  }

  @Override
  public List<String> ids(int from, int to) {
    int start = Math.max(0, from);
    if (to <= start) {
      return List.of();
    }
    String after = byIdOnly && start > 0 ? lastIdBefore.get(start) : null;
    StringBuilder sql = new StringBuilder("SELECT r.res_id ").append(this.from.text);
    List<Object> args = new ArrayList<>(this.from.args);
    if (after != null) {
      sql.append(" AND r.res_id > ?");
      args.add(after);
    }
    sql.append(" ORDER BY ").append(orderBy.text);
    args.addAll(orderBy.args);
    if (to != Integer.MAX_VALUE) {
      sql.append(" LIMIT ?");
      args.add((long) (to - start));
    }
    if (after == null && start > 0) {
      sql.append(" OFFSET ?");
      args.add((long) start);
    }
    List<String> ids =
        backend.read(
            c -> {
              List<String> out = new ArrayList<>();
              try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                Sql.bind(c, ps, 1, args);
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    out.add(rs.getString(1));
                  }
                }
              }
              return out;
            });
    if (byIdOnly && !ids.isEmpty() && to != Integer.MAX_VALUE) {
      lastIdBefore.put(start + ids.size(), ids.get(ids.size() - 1));
    }
    return ids;
  }
}
