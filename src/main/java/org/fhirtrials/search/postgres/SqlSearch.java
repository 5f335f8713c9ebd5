package org.fhirtrials.search.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fhirtrials.search.SearchResult;

/**
 * A translated search, read a page at a time: each page is one query that PostgreSQL sorts and cuts
 * ({@code ORDER BY} the sort keys, then the id; {@code LIMIT}), so a search with thousands of
 * matches sends a page of ids, not all of them. The first page is read when the search is made,
 * with the total counted in the same pass ({@code count(*) OVER ()}) unless {@code _total=none}.
 *
 * <p>Later pages are read when asked, so they see data as it is then. In the default order (by id)
 * a page that follows one already read continues after that page's last id (keyset), so inserts and
 * deletes before it neither repeat nor skip a match; other orders read by offset.
 */
final class SqlSearch implements SearchResult {
  /** A sort key: an expression on the match ({@code r}, {@code nd}) and its direction. */
  record Key(Sql expression, boolean desc) {}

  private final PostgresSearchBackend backend;

  /** {@code FROM ... WHERE ...} of the matches (alias {@code r}). */
  private final Sql from;

  private final boolean filtered;

  /** The sort keys; the id follows them. */
  private final List<Key> keys;

  private final Map<String, Double> distances;

  /** For the default order: the last id of each page read, by the offset that follows it. */
  private final Map<Integer, String> lastIdBefore = new ConcurrentHashMap<>();

  private Integer total;
  private List<String> first = List.of();
  private int firstSize;

  SqlSearch(
      PostgresSearchBackend backend,
      Sql from,
      boolean filtered,
      List<Key> keys,
      Map<String, Double> distances) {
    this.backend = backend;
    this.from = from;
    this.filtered = filtered;
    this.keys = List.copyOf(keys);
    this.distances = Map.copyOf(distances);
  }

  /**
   * Reads the first page (and the total, when counted) in the transaction that translated the
   * search: one query for what a first response needs.
   */
  void readFirst(Connection c, int size, boolean counted) throws SQLException {
    // at least one row: the window's count comes with the rows (none read would count none)
    firstSize = Math.max(1, size);
    if (counted) {
      int[] count = {0};
      first = counted(c, page(0, firstSize, null, true), count);
      total = first.isEmpty() ? 0 : count[0];
    } else {
      first = Sql.strings(c, page(0, firstSize, null, false));
    }
    remember(0, first);
  }

  /**
   * Reads every match and orders them here: for a search sorted by distance alone, whose matches
   * are at most the {@code near} hits. Sorting them in SQL meant sending every hit's id and
   * distance back as arrays to join on (6,131 of each around Boston at 100k trials), which cost
   * more than the sort; the pages are then cut from this list.
   */
  void readAll(Connection c, Comparator<String> order, boolean counted) throws SQLException {
    List<String> all = Sql.strings(c, new Sql("SELECT r.res_id " + from.text, from.args));
    all.sort(order);
    first = all;
    firstSize = Integer.MAX_VALUE;
    total = counted ? all.size() : null;
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
    if (firstSize == Integer.MAX_VALUE
        || start == 0 && (to <= firstSize || first.size() < firstSize)) {
      int end = Math.min(to, first.size());
      return first.subList(Math.min(start, end), end);
    }
    String after = keys.isEmpty() && start > 0 ? lastIdBefore.get(start) : null;
    Sql page = page(start, to, after, false);
    List<String> ids = backend.read(c -> Sql.strings(c, page));
    remember(start, ids);
    return ids;
  }

  /** For keyset paging in the default order: where the page after this one starts. */
  private void remember(int start, List<String> ids) {
    if (keys.isEmpty() && !ids.isEmpty()) {
      lastIdBefore.put(start + ids.size(), ids.get(ids.size() - 1));
    }
  }

  /**
   * The query of the ids at {@code [start, to)} (all from {@code start} when {@code to} is {@code
   * MAX_VALUE}); after the id {@code after} instead of an offset, when given.
   *
   * <p>The matches are selected in a subquery with their sort keys, and sorted and cut outside it.
   * When the search has conditions the subquery is fenced ({@code OFFSET 0}), so PostgreSQL finds
   * the matches by their indexes and sorts them (a top-N sort); unfenced, it planned a walk of the
   * whole type in id order, stopping at the page's last match: 733 ms for an identifier that
   * matches one study of 100,000, which its statistics estimated at 380.
   */
  private Sql page(int start, int to, String after, boolean counted) {
    StringBuilder sql = new StringBuilder("SELECT m.res_id");
    sql.append(counted ? ", count(*) OVER ()" : "").append(" FROM (SELECT r.res_id");
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      sql.append(", ").append(keys.get(i).expression().text).append(" AS k").append(i);
      args.addAll(keys.get(i).expression().args);
    }
    sql.append(' ').append(from.text);
    args.addAll(from.args);
    if (after != null) {
      sql.append(" AND r.res_id > ?");
      args.add(after);
    }
    sql.append(filtered ? " OFFSET 0) m ORDER BY " : ") m ORDER BY ");
    for (int i = 0; i < keys.size(); i++) {
      sql.append('k').append(i).append(keys.get(i).desc() ? " DESC, " : " ASC, ");
    }
    sql.append("m.res_id ASC");
    if (to != Integer.MAX_VALUE) {
      sql.append(" LIMIT ?");
      args.add((long) (to - start));
    }
    if (after == null && start > 0) {
      sql.append(" OFFSET ?");
      args.add((long) start);
    }
    return new Sql(sql.toString(), args);
  }

  /** The ids a counted page query returns; the window count of its rows into {@code count[0]}. */
  private static List<String> counted(Connection c, Sql page, int[] count) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(page.text)) {
      Sql.bind(c, ps, 1, page.args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
          count[0] = rs.getInt(2);
        }
      }
    }
    return out;
  }
}
