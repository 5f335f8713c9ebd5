package org.fhirtrials.store.postgres;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.fhirtrials.model.Phase;
import org.fhirtrials.model.Trial;
import org.fhirtrials.store.SaveCounts;
import org.fhirtrials.store.StoredTrial;
import org.fhirtrials.store.TrialJson;
import org.fhirtrials.store.TrialStore;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TrialStore} in PostgreSQL (DESIGN D6): one row per trial in table {@code trial}, the
 * record as JSONB ({@link TrialJson}), its SHA-256, version and last-updated time, and columns
 * derived for search. Every write is an {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE the hash
 * differs}: PostgreSQL locks the row, so concurrent saves of one trial serialise, an equal record
 * changes nothing and a different one gets exactly one new version. Servers over the same database
 * are stateless.
 */
public final class PostgresTrialStore implements TrialStore, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PostgresTrialStore.class);

  /** Rows fetched per round trip when streaming; bounds the memory of {@link #forEachTrial}. */
  static final int FETCH_SIZE = 200;

  /** Parameters per row in {@link #upsertSql}. */
  private static final int COLUMNS = 8;

  private static final String SELECT =
      "SELECT nct_id, version_id, last_updated, content::text FROM trial";

  private final DataSource dataSource;
  private final Clock clock;
  private final TrialJson json = new TrialJson();
  private final SearchRows searchRows;

  public PostgresTrialStore(DataSource dataSource) {
    this(dataSource, Clock.systemUTC());
  }

  public PostgresTrialStore(DataSource dataSource, Clock clock) {
    this(dataSource, clock, SearchRows.NONE);
  }

  /**
   * @param searchRows writes the search side tables of each stored trial in its transaction
   */
  public PostgresTrialStore(DataSource dataSource, Clock clock, SearchRows searchRows) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.searchRows = Objects.requireNonNull(searchRows, "searchRows");
  }

  /**
   * The migrated database, for the other tables of the same schema: search side tables (V2), CDS
   * feedback (V3), sync watermark (V4).
   */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Brings the schema of the data source's current schema up to date (Flyway). */
  public static void migrate(DataSource dataSource) {
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
  }

  @Override
  public StoredTrial save(Trial trial) {
    Objects.requireNonNull(trial, "trial");
    List<StoredTrial> stored = new ArrayList<>(1);
    inTransaction(c -> upsert(c, List.of(trial), stored));
    return stored.get(0);
  }

  /**
   * Saves the batch in one transaction with one multi-row upsert: all of it is stored or none. A
   * trial that appears twice in the batch is saved twice, in order, as {@link #save} would.
   *
   * <p>Each trial is serialised and hashed once. The stored hashes of the batch's ids are read
   * first and a trial whose hash is already stored is not sent at all: a re-import (a resumed or a
   * nightly run) mostly sends ids and hashes, not documents for PostgreSQL to parse as JSONB. The
   * upsert keeps its own hash guard, so a row changed by another writer in between is still handled
   * as in {@link #save}.
   */
  @Override
  public SaveCounts saveAll(List<Trial> trials) {
    if (trials.isEmpty()) {
      return SaveCounts.NONE;
    }
    List<Row> rows = new ArrayList<>(trials.size());
    for (Trial t : trials) {
      rows.add(new Row(t, json.write(t)));
    }
    SaveCounts[] counts = {SaveCounts.NONE};
    inTransaction(
        c -> {
          Map<String, byte[]> stored = storedHashes(c, rows);
          List<Row> chunk = new ArrayList<>();
          Set<String> ids = new LinkedHashSet<>();
          long unchanged = 0;
          for (Row r : rows) {
            String id = r.trial().nctId();
            if (!ids.contains(id) && Arrays.equals(stored.get(id), r.hash())) {
              unchanged++; // equal to what is stored (a repeated id is always sent, in order)
              continue;
            }
            // ON CONFLICT cannot touch one row twice in a statement: split at a repeated id.
            if (!ids.add(id)) {
              counts[0] = counts[0].plus(upsertRows(c, chunk, null));
              chunk.clear();
              ids.clear();
              ids.add(id);
            }
            chunk.add(r);
          }
          counts[0] =
              counts[0].plus(upsertRows(c, chunk, null)).plus(new SaveCounts(0, 0, unchanged));
        });
    return counts[0];
  }

  /** A trial with its storage form and that form's hash, computed once per save. */
  private record Row(Trial trial, byte[] content, byte[] hash) {
    Row(Trial trial, byte[] content) {
      this(trial, content, TrialJson.hash(content));
    }
  }

  /** The stored content hashes of the rows' ids (absent ids are not in the map). */
  private static Map<String, byte[]> storedHashes(Connection c, List<Row> rows)
      throws SQLException {
    Map<String, byte[]> hashes = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT nct_id, content_hash FROM trial WHERE nct_id = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("text", rows.stream().map(r -> r.trial().nctId()).toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          hashes.put(rs.getString(1), rs.getBytes(2));
        }
      }
    }
    return hashes;
  }

  @Override
  public Optional<StoredTrial> get(String nctId) {
    if (nctId == null) {
      return Optional.empty();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(SELECT + " WHERE nct_id = ?")) {
      ps.setString(1, nctId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read trial " + nctId, e);
    }
  }

  /** One round trip for all of them (a search page, the targets of its includes). */
  @Override
  public List<StoredTrial> getAll(Collection<String> nctIds) {
    List<StoredTrial> out = new ArrayList<>();
    forEachRow(SELECT + " WHERE nct_id = ANY (?)", nctIds, "trials", rs -> out.add(row(rs)));
    return out;
  }

  /** The narrow columns only: no document is read or parsed. */
  @Override
  public Map<String, Long> versions(Collection<String> nctIds) {
    Map<String, Long> out = new HashMap<>();
    forEachRow(
        "SELECT nct_id, version_id FROM trial WHERE nct_id = ANY (?)",
        nctIds,
        "the versions of trials",
        rs -> out.put(rs.getString(1), rs.getLong(2)));
    return out;
  }

  private interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  /** Runs {@code sql}, whose one parameter is the array of ids, and reads each row it returns. */
  private void forEachRow(String sql, Collection<String> nctIds, String what, RowReader reader) {
    if (nctIds.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("text", nctIds.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          reader.read(rs);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read " + what + " " + nctIds, e);
    }
  }

  @Override
  public List<StoredTrial> all() {
    List<StoredTrial> all = new ArrayList<>();
    forEachTrial(all::add);
    return List.copyOf(all);
  }

  /**
   * Streams the table ordered by NCT id through a server-side cursor, {@value #FETCH_SIZE} rows at
   * a time: one statement, so one snapshot, and each JSON text is dropped once parsed.
   */
  @Override
  public void forEachTrial(Consumer<StoredTrial> action) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false); // the driver only uses a cursor inside a transaction
      try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY nct_id")) {
        ps.setFetchSize(FETCH_SIZE);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            action.accept(row(rs));
          }
        }
        c.commit();
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the trials", e);
    }
  }

  @Override
  public int size() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM trial");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return Math.toIntExact(rs.getLong(1));
    } catch (SQLException e) {
      throw new StoreException("cannot count the trials", e);
    }
  }

  /**
   * Changes with every insert, new version or removal, also by other servers on the database: the
   * row count and the sum of a hash of each NCT id and version (one scan of the narrow columns).
   */
  @Override
  public long revision() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT count(*), coalesce(sum(hashtext(nct_id || ':' || version_id)), 0)"
                    + " FROM trial");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1) * 1_000_003L + rs.getLong(2);
    } catch (SQLException e) {
      throw new StoreException("cannot read the store's revision", e);
    }
  }

  /**
   * {@code VACUUM (ANALYZE)} of the trials and the search tables: merges the GIN pending lists,
   * marks the pages all-visible (so searches answer from index-only scans) and refreshes the
   * planner statistics, which a bulk load leaves behind until autovacuum gets to it. A failure is
   * logged, not thrown: the import itself is complete.
   */
  @Override
  public void afterBulkWrite() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true); // VACUUM cannot run in a transaction
      s.execute("VACUUM (ANALYZE) trial, " + String.join(", ", SearchRows.TABLES));
    } catch (SQLException e) {
      log.warn("VACUUM after the import failed (autovacuum will catch up): {}", e.getMessage());
    }
  }

  /** Closes the data source when this store owns a pool (Spring calls it at shutdown). */
  @Override
  public void close() throws Exception {
    if (dataSource instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  /**
   * Upserts distinct trials in one statement. Rows the statement returns were inserted ({@code xmax
   * = 0}) or updated; the others were equal to what is stored and are left alone.
   *
   * @param stored when not null, receives each trial as stored now, in input order
   */
  private SaveCounts upsert(Connection c, List<Trial> trials, List<StoredTrial> stored)
      throws SQLException {
    List<Row> rows = new ArrayList<>(trials.size());
    for (Trial t : trials) {
      rows.add(new Row(t, json.write(t)));
    }
    return upsertRows(c, rows, stored);
  }

  private SaveCounts upsertRows(Connection c, List<Row> rows, List<StoredTrial> stored)
      throws SQLException {
    if (rows.isEmpty()) {
      return SaveCounts.NONE;
    }
    List<Trial> trials = rows.stream().map(Row::trial).toList();
    Timestamp now = Timestamp.from(now());
    long inserted = 0;
    long updated = 0;
    Map<String, StoredTrial> written = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(upsertSql(trials.size()))) {
      int p = 1;
      for (Row r : rows) {
        Trial t = r.trial();
        ps.setString(p++, t.nctId());
        ps.setTimestamp(p++, now);
        ps.setBytes(p++, r.hash());
        ps.setString(p++, new String(r.content(), StandardCharsets.UTF_8));
        ps.setString(
            p++, t.status().overallStatus() == null ? null : t.status().overallStatus().name());
        ps.setArray(
            p++, c.createArrayOf("text", t.design().phases().stream().map(Phase::name).toArray()));
        ps.setArray(p++, c.createArrayOf("text", t.conditions().toArray()));
        ps.setString(p++, t.title());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getBoolean("inserted")) {
            inserted++;
          } else {
            updated++;
          }
          if (stored != null || searchRows != SearchRows.NONE) {
            String id = rs.getString("nct_id");
            written.put(
                id,
                new StoredTrial(
                    trialOf(trials, id),
                    rs.getLong("version_id"),
                    rs.getTimestamp("last_updated").toInstant()));
          }
        }
      }
    }
    if (!written.isEmpty()) {
      searchRows.write(c, List.copyOf(written.values()));
    }
    if (stored != null) {
      for (Trial t : trials) {
        StoredTrial s = written.get(t.nctId());
        stored.add(s != null ? s : unchanged(c, t));
      }
    }
    return new SaveCounts(inserted, updated, trials.size() - inserted - updated);
  }

  /** The stored version of a trial the upsert left alone: its content equals {@code t}. */
  private StoredTrial unchanged(Connection c, Trial t) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT version_id, last_updated FROM trial WHERE nct_id = ?")) {
      ps.setString(1, t.nctId());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new StoreException("trial " + t.nctId() + " vanished during save", null);
        }
        return new StoredTrial(t, rs.getLong(1), rs.getTimestamp(2).toInstant());
      }
    }
  }

  private static Trial trialOf(List<Trial> trials, String nctId) {
    for (Trial t : trials) {
      if (t.nctId().equals(nctId)) {
        return t;
      }
    }
    throw new IllegalStateException("upsert returned an id it was not given: " + nctId);
  }

  static String upsertSql(int rows) {
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO trial AS t (nct_id, version_id, last_updated, content_hash, content,"
                + " overall_status, phases, conditions, title) VALUES ");
    String row = "(?, 1, ?, ?, ?::jsonb, ?, ?, ?, ?)";
    assert row.chars().filter(ch -> ch == '?').count() == COLUMNS;
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "" : ", ").append(row);
    }
    return sql.append(
            " ON CONFLICT (nct_id) DO UPDATE SET version_id = t.version_id + 1,"
                + " last_updated = EXCLUDED.last_updated, content_hash = EXCLUDED.content_hash,"
                + " content = EXCLUDED.content, overall_status = EXCLUDED.overall_status,"
                + " phases = EXCLUDED.phases, conditions = EXCLUDED.conditions,"
                + " title = EXCLUDED.title"
                + " WHERE t.content_hash <> EXCLUDED.content_hash"
                + " RETURNING nct_id, version_id, last_updated, (xmax = 0) AS inserted")
        .toString();
  }

  private StoredTrial row(ResultSet rs) throws SQLException {
    String nctId = rs.getString(1);
    Trial trial;
    try (Reader content = new InputStreamReader(rs.getBinaryStream(4), StandardCharsets.UTF_8)) {
      trial = json.read(content, nctId);
    } catch (java.io.IOException e) {
      throw new StoreException("cannot read trial " + nctId, e);
    }
    return new StoredTrial(trial, rs.getLong(2), rs.getTimestamp(3).toInstant());
  }

  private interface Work {
    void run(Connection c) throws SQLException;
  }

  private void inTransaction(Work work) {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        work.run(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot save trials: " + e.getMessage(), e);
    }
  }

  /** HTTP dates have second precision; truncate so Last-Modified and meta.lastUpdated agree. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
