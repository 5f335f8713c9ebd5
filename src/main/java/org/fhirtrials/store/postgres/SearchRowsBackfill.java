package org.fhirtrials.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.fhirtrials.store.StoredTrial;
import org.fhirtrials.store.TrialJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the search rows of stored trials that have none: trials stored before the search tables
 * existed, or by a store without {@link SearchRows}. Batches lock their trial rows ({@code SKIP
 * LOCKED}), so replicas starting together share the work instead of repeating it.
 */
public final class SearchRowsBackfill {
  private static final Logger log = LoggerFactory.getLogger(SearchRowsBackfill.class);
  private static final int BATCH = 200;

  private final DataSource dataSource;
  private final SearchRows searchRows;
  private final TrialJson json = new TrialJson();

  public SearchRowsBackfill(DataSource dataSource, SearchRows searchRows) {
    this.dataSource = dataSource;
    this.searchRows = searchRows;
  }

  /**
   * @return how many trials got their search rows
   */
  public long run() {
    long done = 0;
    while (true) {
      int n = batch();
      if (n == 0) {
        break;
      }
      done += n;
      if (done % 10_000 < BATCH) {
        log.info("search rows written for {} stored trials", done);
      }
    }
    if (done > 0) {
      log.info("search rows written for {} stored trials that had none", done);
    }
    return done;
  }

  private int batch() {
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        List<StoredTrial> trials = new ArrayList<>();
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT t.nct_id, t.version_id, t.last_updated, t.content::text FROM trial t"
                    + " WHERE NOT EXISTS (SELECT 1 FROM search_resource s WHERE s.nct_id ="
                    + " t.nct_id) ORDER BY t.nct_id LIMIT ? FOR UPDATE OF t SKIP LOCKED")) {
          ps.setInt(1, BATCH);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              trials.add(
                  new StoredTrial(
                      json.read(rs.getString(4), rs.getString(1)),
                      rs.getLong(2),
                      rs.getTimestamp(3).toInstant()));
            }
          }
        }
        searchRows.write(c, trials);
        c.commit();
        return trials.size();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new StoreException("cannot write search rows: " + e.getMessage(), e);
    }
  }
}
